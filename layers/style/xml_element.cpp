#include "layers/style/xml_element.hpp"

#include "base/error.hpp"
#include "layers/gdal/gdal_session.hpp"

#include <cpl_error.h>
#include <cpl_minixml.h>
#include <fmt/format.h>

#include <algorithm>
#include <memory>

namespace depmap::layers {

XmlElement& XmlElement::set(std::string_view attribute, std::string_view value) {
    for (auto& [name, old] : m_attributes)
        if (name == attribute) {
            old = value;
            return *this;
        }
    m_attributes.emplace_back(attribute, value);
    return *this;
}

std::string XmlElement::attribute(std::string_view attribute, std::string_view fallback) const {
    for (const auto& [name, value] : m_attributes)
        if (name == attribute) return value;
    return std::string(fallback);
}

bool XmlElement::has_attribute(std::string_view attribute) const {
    return std::any_of(m_attributes.begin(), m_attributes.end(),
                       [&](const auto& a) { return a.first == attribute; });
}

XmlElement& XmlElement::add(std::string name) { return m_children.emplace_back(std::move(name)); }

XmlElement& XmlElement::add(XmlElement child) { return m_children.emplace_back(std::move(child)); }

const XmlElement* XmlElement::child(std::string_view name) const {
    for (const auto& c : m_children)
        if (c.m_name == name) return &c;
    return nullptr;
}

std::vector<const XmlElement*> XmlElement::children(std::string_view name) const {
    std::vector<const XmlElement*> found;
    for (const auto& c : m_children)
        if (c.m_name == name) found.push_back(&c);
    return found;
}

XmlElement& XmlElement::set_text(std::string text) {
    m_text = std::move(text);
    return *this;
}

namespace {

void escape(std::string& out, std::string_view text, bool in_attribute) {
    for (const char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += in_attribute ? "&quot;" : "\""; break;
        case '\n': out += in_attribute ? "&#10;" : "\n"; break;
        case '\r': out += "&#13;"; break;
        case '\t': out += in_attribute ? "&#9;" : "\t"; break;
        default:
            if (static_cast<unsigned char>(c) >= 0x20) out += c;  // XML 1.0 has no other controls
        }
    }
}

void serialise(std::string& out, const XmlElement& element, int depth) {
    out.append(static_cast<std::size_t>(depth) * 2, ' ');
    out += '<';
    out += element.name();
    for (const auto& [name, value] : element.attributes()) {
        out += ' ';
        out += name;
        out += "=\"";
        escape(out, value, true);
        out += '"';
    }
    if (element.children().empty()) {
        if (element.text().empty()) {
            out += "/>\n";
            return;
        }
        out += '>';
        escape(out, element.text(), false);
    } else {
        out += ">\n";
        for (const auto& child : element.children()) serialise(out, child, depth + 1);
        out.append(static_cast<std::size_t>(depth) * 2, ' ');
    }
    out += "</";
    out += element.name();
    out += ">\n";
}

bool is_blank(std::string_view text) {
    return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

XmlElement convert(const CPLXMLNode& node) {
    XmlElement element(node.pszValue);
    std::string text;
    for (const CPLXMLNode* child = node.psChild; child != nullptr; child = child->psNext) {
        switch (child->eType) {
        case CXT_Attribute:
            element.set(child->pszValue, child->psChild ? child->psChild->pszValue : "");
            break;
        case CXT_Element: element.add(convert(*child)); break;
        case CXT_Text: text += child->pszValue; break;
        default: break;  // comments and literals carry nothing depmap reads
        }
    }
    // Indentation between child elements is not content.
    if (element.children().empty() || !is_blank(text)) element.set_text(std::move(text));
    return element;
}

struct NodeDeleter {
    void operator()(CPLXMLNode* node) const { CPLDestroyXMLNode(node); }
};

} // namespace

std::string to_xml(const XmlElement& root, std::string_view prolog) {
    std::string out(prolog);
    if (!out.empty() && out.back() != '\n') out += '\n';
    serialise(out, root, 0);
    return out;
}

XmlElement parse_xml(std::string_view text) {
    ensure_gdal();
    CPLErrorReset();
    const std::string copy(text);  // the parser wants a terminated string
    std::unique_ptr<CPLXMLNode, NodeDeleter> tree(CPLParseXMLString(copy.c_str()));
    if (!tree) throw InputError(fmt::format("not well-formed XML: {}", gdal_error_or("empty document")));
    for (const CPLXMLNode* node = tree.get(); node != nullptr; node = node->psNext)
        if (node->eType == CXT_Element && node->pszValue[0] != '?') return convert(*node);
    throw InputError("not well-formed XML: the document has no root element");
}

} // namespace depmap::layers
