#pragma once
// A small XML tree for the files depmap writes for other programs (QGIS styles and
// projects): built in memory, serialised with every attribute and text escaped, and
// read back through GDAL's XML parser.
#include <list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace depmap::layers {

class XmlElement {
public:
    explicit XmlElement(std::string name) : m_name(std::move(name)) {}

    const std::string& name() const { return m_name; }

    // Sets (or replaces) an attribute; returns *this for chaining.
    XmlElement& set(std::string_view attribute, std::string_view value);
    // The attribute's value, or `fallback` when it is absent.
    std::string attribute(std::string_view attribute, std::string_view fallback = {}) const;
    bool has_attribute(std::string_view attribute) const;
    const std::vector<std::pair<std::string, std::string>>& attributes() const { return m_attributes; }

    // Appends a child and returns it; references stay valid as more children are added.
    XmlElement& add(std::string name);
    XmlElement& add(XmlElement child);
    const std::list<XmlElement>& children() const { return m_children; }
    // The first child with this name, or null.
    const XmlElement* child(std::string_view name) const;
    std::vector<const XmlElement*> children(std::string_view name) const;

    // Text content; an element holds text or children, not both.
    XmlElement& set_text(std::string text);
    const std::string& text() const { return m_text; }

private:
    std::string m_name;
    std::vector<std::pair<std::string, std::string>> m_attributes;
    std::list<XmlElement> m_children;
    std::string m_text;
};

// The document as UTF-8 text, indented by two spaces, after `prolog` (a DOCTYPE line,
// say). Characters XML 1.0 cannot hold (control characters other than tab and line
// breaks) are dropped; line breaks and tabs in attributes are written as character
// references so they survive a parser's normalisation.
std::string to_xml(const XmlElement& root, std::string_view prolog = {});

// Parses a document (prolog and comments are skipped). Throws InputError, with the
// parser's message, when `text` is not well-formed.
XmlElement parse_xml(std::string_view text);

} // namespace depmap::layers
