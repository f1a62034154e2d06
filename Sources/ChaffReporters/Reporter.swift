import ChaffEngine
import ChaffText

/// Everything a reporter needs to render one run.
public struct Report: Sendable {
    /// Diagnostics in report order.
    public var diagnostics: [Diagnostic]
    /// Every rule that ran, for formats that describe rules (SARIF).
    public var rules: [ActiveRule]
    /// The unit of every column in `diagnostics`.
    public var columnUnit: ColumnUnit
    /// chaff's version.
    public var toolVersion: String
    /// Absolute path of the directory that relative paths are relative to, ending in `/`.
    public var sourceRoot: String?

    /// A report.
    public init(diagnostics: [Diagnostic], rules: [ActiveRule], columnUnit: ColumnUnit, toolVersion: String, sourceRoot: String? = nil) {
        self.diagnostics = diagnostics
        self.rules = rules
        self.columnUnit = columnUnit
        self.toolVersion = toolVersion
        self.sourceRoot = sourceRoot
    }
}

/// An output format. One format per file in this folder; `ReporterRegistry` lists them.
public protocol Reporter: Sendable {
    /// The `--format` value.
    static var formatName: String { get }
    /// The column unit used when the user does not choose one.
    static var defaultColumnUnit: ColumnUnit { get }
    /// Units the format can express.
    static var supportedColumnUnits: [ColumnUnit] { get }
    /// The complete output for `report`.
    func render(_ report: Report) -> String
    /// The complete output for `report` as UTF-8 bytes, the same as `render`'s.
    func renderBytes(_ report: Report) -> [UInt8]
    /// The bytes of `renderBytes`, handed to `sink` in pieces, in order: a format that writes
    /// bytes as it goes overrides it, so that a large report is written out without being held.
    func write(_ report: Report, to sink: (UnsafeBufferPointer<UInt8>) -> Void)
    /// A reporter of this format; `color` is for formats that can colour their output.
    static func make(color: Bool) -> any Reporter
    /// This reporter as a `StreamingReporter`, or nil when its format is not one. A cast
    /// (`as? any StreamingReporter`) made the Swift runtime search all of the binary's
    /// conformance records on every run: 410,000 instructions.
    var streaming: (any StreamingReporter)? { get }
}

extension Reporter {
    /// Nil: a format streams only if it says so (`StreamingReporter`).
    public var streaming: (any StreamingReporter)? { nil }

    public static var supportedColumnUnits: [ColumnUnit] { ColumnUnit.allCases }

    /// `render`'s output as bytes; a format that builds bytes overrides it, so that a large
    /// report is not validated into a `String` only to be written out again.
    public func renderBytes(_ report: Report) -> [UInt8] { Array(render(report).utf8) }

    /// `renderBytes`' output in one piece.
    public func write(_ report: Report, to sink: (UnsafeBufferPointer<UInt8>) -> Void) {
        renderBytes(report).withUnsafeBufferPointer { sink($0) }
    }
}
