/// Human-readable descriptions of code points for diagnostic messages.
///
/// Uses the standard library's character names, which cost a table search per call: call
/// these when building a message, never while scanning.
package enum ScalarDescription {
    /// `U+` and at least four upper-case hex digits, e.g. `U+0430`, `U+20BB7`.
    package static func codePoint(_ scalar: UInt32) -> String {
        let hex = String(scalar, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// The Unicode character name, e.g. `CYRILLIC SMALL LETTER A`; for characters without a
    /// Name property (controls) the first name alias; nil for unassigned code points.
    package static func name(of scalar: UInt32) -> String? {
        guard let value = Unicode.Scalar(scalar) else { return nil }
        return value.properties.name ?? value.properties.nameAlias
    }

    /// `U+0430 CYRILLIC SMALL LETTER A`, or just the code point when there is no name.
    package static func describe(_ scalar: UInt32) -> String {
        guard let name = name(of: scalar) else { return codePoint(scalar) }
        return codePoint(scalar) + " " + name
    }
}
