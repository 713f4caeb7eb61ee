# _string for asy: the two helpers string.Formatter stands on, reading
# format strings with str.format's grammar and error messages.
#
#   text    := (literal | "{{" | "}}" | field)*
#   field   := "{" name ["!" char] [":" spec] "}"
#   name    := first ("." attribute | "[" key "]")*
# A spec may hold nested fields (balanced braces); a key may hold anything
# but "]", including braces, "!" and ":".


def formatter_parser(text):
    # (literal, field name, spec, conversion) for each piece of text; a
    # literal with no field after it has None for the other three. Errors
    # surface as the iteration reaches them, as CPython's do.
    if not isinstance(text, str):
        raise TypeError(f"expected str, got {type(text).__name__}")
    return _pieces(text)


def _pieces(text):
    pos, end = 0, len(text)
    while pos < end:
        brace = min((i for i in (text.find('{', pos), text.find('}', pos)) if i >= 0), default=-1)
        if brace < 0:
            yield text[pos:], None, None, None
            return
        if text.startswith(text[brace], brace + 1):
            # An escaped brace ends the literal (keeping one brace).
            yield text[pos:brace + 1], None, None, None
            pos = brace + 2
        elif text[brace] == '}':
            raise ValueError("Single '}' encountered in format string")
        elif brace + 1 == end:
            raise ValueError("Single '{' encountered in format string")
        else:
            literal = text[pos:brace]
            name, conversion, spec, pos = _field(text, brace + 1)
            yield literal, name, spec, conversion


def _field(text, pos):
    # Reads a field from just after its "{": (name, conversion or None,
    # spec, position after the closing "}").
    end = len(text)
    start = pos
    while pos < end and text[pos] not in '!:}':
        if text[pos] == '[':
            close = text.find(']', pos + 1)
            if close < 0:
                raise ValueError("expected '}' before end of string")
            pos = close
        elif text[pos] == '{':
            raise ValueError("unexpected '{' in field name")
        pos += 1
    if pos >= end:
        raise ValueError("expected '}' before end of string")
    name = text[start:pos]
    conversion = None
    if text[pos] == '!':
        if pos + 1 == end:
            raise ValueError("end of string while looking for conversion specifier")
        conversion = text[pos + 1]
        pos += 2
        if pos < end and text[pos] not in ':}':
            raise ValueError("expected ':' after conversion specifier")
    if pos < end and text[pos] == '}':
        return name, conversion, '', pos + 1
    # A spec (after ":") runs to the "}" that balances the field's "{".
    depth = 1
    pos += 1
    spec_start = pos
    while pos < end:
        depth += {'{': 1, '}': -1}.get(text[pos], 0)
        if depth == 0:
            return name, conversion, text[spec_start:pos], pos + 1
        pos += 1
    raise ValueError("unmatched '{' in format spec")


def _index_or_name(part):
    return int(part) if part.isdecimal() else part


def formatter_field_name_split(name):
    # ("first" as an int when it is a number, iterator of (is_attribute,
    # attribute or key)); the iterator reports malformed parts lazily.
    cut = min((i for i in (name.find('.'), name.find('[')) if i >= 0), default=len(name))
    return _index_or_name(name[:cut]), _accessors(name, cut)


def _accessors(name, pos):
    end = len(name)
    while pos < end:
        if name[pos] == '.':
            stop = min((i for i in (name.find('.', pos + 1), name.find('[', pos + 1)) if i >= 0),
                       default=end)
            attribute = name[pos + 1:stop]
            if not attribute:
                raise ValueError("Empty attribute in format string")
            yield True, attribute
        else:
            stop = name.find(']', pos + 1)
            if stop < 0:
                raise ValueError("Missing ']' in format string")
            key = name[pos + 1:stop]
            if not key:
                raise ValueError("Empty attribute in format string")
            yield False, _index_or_name(key)
            stop += 1
            if stop < end and name[stop] not in '.[':
                raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
        pos = stop
