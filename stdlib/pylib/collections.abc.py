# collections.abc for asy: the collection ABCs. They are defined in the
# collections module (ChainMap derives from MutableMapping, and collections
# cannot import its own submodule while it loads); this module exports them.

import collections as _collections

_abcs = _collections._abc_classes

Awaitable = _abcs['Awaitable']
Coroutine = _abcs['Coroutine']
AsyncIterable = _abcs['AsyncIterable']
AsyncIterator = _abcs['AsyncIterator']
AsyncGenerator = _abcs['AsyncGenerator']
Hashable = _abcs['Hashable']
Iterable = _abcs['Iterable']
Iterator = _abcs['Iterator']
Generator = _abcs['Generator']
Reversible = _abcs['Reversible']
Sized = _abcs['Sized']
Container = _abcs['Container']
Callable = _abcs['Callable']
Collection = _abcs['Collection']
Set = _abcs['Set']
MutableSet = _abcs['MutableSet']
Mapping = _abcs['Mapping']
MutableMapping = _abcs['MutableMapping']
MappingView = _abcs['MappingView']
KeysView = _abcs['KeysView']
ItemsView = _abcs['ItemsView']
ValuesView = _abcs['ValuesView']
Sequence = _abcs['Sequence']
MutableSequence = _abcs['MutableSequence']
ByteString = _abcs['ByteString']

__all__ = ['Awaitable', 'Coroutine', 'AsyncIterable', 'AsyncIterator',
           'AsyncGenerator', 'Hashable', 'Iterable', 'Iterator', 'Generator',
           'Reversible', 'Sized', 'Container', 'Callable', 'Collection',
           'Set', 'MutableSet', 'Mapping', 'MutableMapping', 'MappingView',
           'KeysView', 'ItemsView', 'ValuesView', 'Sequence',
           'MutableSequence', 'ByteString']

del _abcs
