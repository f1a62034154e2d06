import ChaffText

/// Renders a rule's documentation from its rule file: the same text for `chaff rule ID`, SARIF
/// `help`, and generated docs, so the rule file stays the single source.
public enum RuleDocumentation {
    /// Plain text.
    public static func text(_ rule: Rule) -> String {
        var out =
            "\(rule.id) (\(rule.severity.rawValue), kind \(rule.kindName), scope \(rule.scope.rawValue)\(rule.enabledByDefault ? "" : ", off by default"))\n"
        out += rule.summary + "\n\n" + rule.description + "\n"
        out += "\n" + fixLine(rule) + "\n"
        if !rule.examples.invalid.isEmpty {
            out += "\nReported (↓ marks each finding):\n"
            for example in rule.examples.invalid {
                out += indented(example.marked(example.expectedStarts))
            }
        }
        if !rule.examples.valid.isEmpty {
            out += "\nNot reported:\n"
            for example in rule.examples.valid {
                out += indented(example.text)
            }
        }
        if let uri = rule.helpURI { out += "\nMore: \(uri)\n" }
        return out
    }

    /// Whether the rule fixes what it finds, in one sentence.
    public static func fixLine(_ rule: Rule) -> String {
        rule.offersFixes
            ? "Fixable: 'chaff fix' (or 'chaff check --fix') rewrites what it finds where it can."
            : "Not fixable: 'chaff fix' leaves its findings to you."
    }

    // Multi-line examples keep their lines; each line is made safe for a terminal.
    private static func indented(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + TerminalSafe.escape(String($0)) + "\n" }.joined()
    }

    /// Markdown.
    public static func markdown(_ rule: Rule) -> String {
        var out = "**\(rule.summary)**\n\n\(rule.description)\n"
        if !rule.examples.invalid.isEmpty {
            out += "\n**Reported** (↓ marks each finding):\n\n"
            for example in rule.examples.invalid {
                out += "    " + example.marked(example.expectedStarts).replacingAll("\n", "\n    ") + "\n"
            }
        }
        if !rule.examples.valid.isEmpty {
            out += "\n**Not reported:**\n\n"
            for example in rule.examples.valid { out += "    " + example.text.replacingAll("\n", "\n    ") + "\n" }
        }
        return out
    }
}
