"""xml.etree: the ElementTree API (xml.etree.ElementTree) and its path language (xml.etree.ElementPath)."""
