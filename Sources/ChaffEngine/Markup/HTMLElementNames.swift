/// The element names of HTML (the WHATWG living standard, with the obsolete ones browsers still
/// parse), used to tell a tag from a template slot that has a tag's shape.
///
/// CommonMark makes any `<name>` raw HTML, so `<keyword>` or `<brand2>` left by a generator would
/// vanish from the prose scope. In a document they are text a reader sees: a tag without
/// attributes whose lowercase name no HTML element has, and that is not a custom element (those
/// contain a hyphen) or a component (MDX and Vue capitalise them), stays text.
enum HTMLElementNames {
    static let all: Set<String> = [
        "a", "abbr", "acronym", "address", "applet", "area", "article", "aside", "audio", "b", "base",
        "basefont", "bdi", "bdo", "bgsound", "big", "blink", "blockquote", "body", "br", "button",
        "canvas", "caption", "center", "cite", "code", "col", "colgroup", "data", "datalist", "dd",
        "del", "details", "dfn", "dialog", "dir", "div", "dl", "dt", "em", "embed", "fieldset",
        "figcaption", "figure", "font", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4",
        "h5", "h6", "head", "header", "hgroup", "hr", "html", "i", "iframe", "image", "img", "input",
        "ins", "isindex", "kbd", "keygen", "label", "legend", "li", "link", "listing", "main", "map",
        "mark", "marquee", "math", "menu", "menuitem", "meta", "meter", "multicol", "nav", "nextid",
        "nobr", "noembed", "noframes", "noscript", "object", "ol", "optgroup", "option", "output", "p",
        "param", "picture", "plaintext", "portal", "pre", "progress", "q", "rb", "rp", "rt", "rtc",
        "ruby", "s", "samp", "script", "search", "section", "select", "slot", "small", "source",
        "spacer", "span", "strike", "strong", "style", "sub", "summary", "sup", "svg", "table",
        "tbody", "td", "template", "textarea", "tfoot", "th", "thead", "time", "title", "tr", "track",
        "tt", "u", "ul", "var", "video", "wbr", "xmp",
    ]

    /// Whether the bare tag `<name>` or `</name>` at `tag` (no attributes) is text rather than
    /// markup: a lowercase name that is no HTML element and has no hyphen.
    static func isTextLike(name: Range<Int>, tagEnd: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard tagEnd == name.upperBound + 1 else { return false }  // attributes, spaces or `/>`
        var lowercase = true
        for i in name where text[i] == 0x2D || (text[i] >= 0x41 && text[i] <= 0x5A) {
            lowercase = false
            break
        }
        guard lowercase else { return false }
        return !all.contains(String(decoding: UnsafeBufferPointer(rebasing: text[name]), as: UTF8.self))
    }
}
