"""xml: XML processing; xml.etree.ElementTree is the element tree API."""
