/// A value of the Unicode Script property (UAX #24), as a one-byte code.
///
/// Codes are assigned by the generator: `common` is 0, `inherited` 1, `unknown` 2, and the
/// other scripts follow in alphabetical order of their long names. They are stable for one
/// Unicode version only, so never persist them; persist `name` or `shortName` instead.
@frozen
public struct UnicodeScript: RawRepresentable, Hashable, Comparable, Sendable, BitwiseCopyable,
    CustomStringConvertible
{
    /// The script code, below `UnicodeScript.count`.
    public let rawValue: UInt8

    /// Wraps a script code; the code must be below `UnicodeScript.count`.
    @inlinable @inline(__always)
    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    /// Looks a script up by its long (`"Old_Italic"`) or ISO 15924 (`"Ital"`) name, ignoring case.
    public init?(name: String) {
        let wanted = name.lowercased()
        guard
            let index = ScriptNames.shared.entries.firstIndex(where: {
                $0.long.lowercased() == wanted || $0.short.lowercased() == wanted
            })
        else { return nil }
        rawValue = UInt8(index)
    }

    /// The long property value alias from the UCD, e.g. `"Latin"`, `"Han"`, `"Old_Italic"`.
    public var name: String { ScriptNames.shared.entries[Int(rawValue)].long }

    /// The four-letter ISO 15924 code, e.g. `"Latn"`, `"Hani"`, `"Zyyy"`.
    public var shortName: String { ScriptNames.shared.entries[Int(rawValue)].short }

    /// Common and Inherited characters are used with any script, so UTS #39 treats their
    /// Script_Extensions as the set of all scripts.
    @inlinable @inline(__always)
    public var isCommonOrInherited: Bool { rawValue <= UnicodeScript.inherited.rawValue }

    /// Every script code, in code order.
    public static var allScripts: [UnicodeScript] {
        (0..<count).map { UnicodeScript(rawValue: UInt8($0)) }
    }

    /// Orders by script code (Common, Inherited, Unknown, then alphabetical).
    @inlinable @inline(__always)
    public static func < (left: UnicodeScript, right: UnicodeScript) -> Bool {
        left.rawValue < right.rawValue
    }

    /// The long name, e.g. `Latin`.
    public var description: String { name }
}

/// The decoded script names, in code order.
private struct ScriptNames: Sendable {
    let entries: [(long: String, short: String)]

    static let shared = ScriptNames()

    private init() {
        let text = ScriptData.names.withUTF8Buffer { String(decoding: $0, as: UTF8.self) }
        entries = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { pair in
            let parts = pair.split(separator: ":")
            return (String(parts[0]), String(parts[1]))
        }
        precondition(entries.count == UnicodeScript.count, "script names out of step")
    }
}
