import ChaffText

/// Every output format, by its `--format` name. Add a new reporter here.
public enum ReporterRegistry {
    /// The reporter types, in help order.
    public static let reporters: [any Reporter.Type] = [
        CompilerReporter.self, SARIFReporter.self, GitHubReporter.self, JSONReporter.self,
        RDJSONLReporter.self, GitLabReporter.self,
    ]

    /// A reporter for `name` (`compiler` when unknown); colour applies to `compiler` only.
    public static func make(_ name: String, color: Bool) -> any Reporter {
        type(named: name).make(color: color)
    }

    /// The format names, in help order.
    public static var names: [String] { reporters.map { $0.formatName } }

    /// The column unit `name` uses by default.
    public static func defaultColumnUnit(_ name: String) -> ColumnUnit { type(named: name).defaultColumnUnit }

    /// The column units `name` can express.
    public static func supportedColumnUnits(_ name: String) -> [ColumnUnit] { type(named: name).supportedColumnUnits }

    /// The `--format` help: every name, the default first.
    public static var formatHelp: String {
        var items = names
        if !items.isEmpty { items[0] += " (default)" }
        // Built for every run's option table: not through the generic `joined(separator:)`.
        return StringList.joined(items, separator: ", ")
    }

    /// The reporter type for `name`, `compiler` when unknown (names are checked when parsed).
    private static func type(named name: String) -> any Reporter.Type {
        reporters.first { $0.formatName == name } ?? CompilerReporter.self
    }
}
