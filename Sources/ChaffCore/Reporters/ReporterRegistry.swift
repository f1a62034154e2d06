/// Every output format, by its `--format` name. Add a new reporter here.
public enum ReporterRegistry {
    /// The reporter types, in help order.
    public static let reporters: [any Reporter.Type] = [
        CompilerReporter.self, SARIFReporter.self, GitHubReporter.self, JSONReporter.self,
    ]

    /// A reporter for `name` (`compiler` when unknown); colour applies to `compiler` only.
    public static func make(_ name: String, color: Bool) -> any Reporter {
        switch name {
        case SARIFReporter.formatName: SARIFReporter()
        case GitHubReporter.formatName: GitHubReporter()
        case JSONReporter.formatName: JSONReporter()
        default: CompilerReporter(color: color)
        }
    }

    /// The format names, in help order.
    public static var names: [String] { reporters.map { $0.formatName } }

    /// The column unit `name` uses by default.
    public static func defaultColumnUnit(_ name: String) -> ColumnUnit {
        switch name {
        case SARIFReporter.formatName: SARIFReporter.defaultColumnUnit
        case GitHubReporter.formatName: GitHubReporter.defaultColumnUnit
        case JSONReporter.formatName: JSONReporter.defaultColumnUnit
        default: CompilerReporter.defaultColumnUnit
        }
    }

    /// The column units `name` can express.
    public static func supportedColumnUnits(_ name: String) -> [ColumnUnit] {
        switch name {
        case SARIFReporter.formatName: SARIFReporter.supportedColumnUnits
        default: ColumnUnit.allCases
        }
    }

    /// The reporter type for `name`.
    public static func reporter(named name: String) -> (any Reporter.Type)? {
        reporters.first { $0.formatName == name }
    }
}
