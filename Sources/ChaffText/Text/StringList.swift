/// Strings joined with a separator, for text every run builds (the option help).
///
/// `joined(separator:)` is a generic `Sequence` method: its first call in a process looks the
/// sequence's associated types up by name in the runtime, a tenth of a millisecond of each
/// start-up, where this loop over an array of strings needs nothing looked up.
public enum StringList {
    /// `items` with `separator` between each two.
    public static func joined(_ items: [String], separator: String) -> String {
        var result = ""
        var index = 0
        while index < items.count {
            if index > 0 { result += separator }
            result += items[index]
            index += 1
        }
        return result
    }
}
