/// The unit in which a column is counted.
///
/// No single unit suits every consumer: Vim's `%c` wants UTF-8 bytes, VS Code and SARIF viewers
/// count UTF-16 code units, Emacs counts display columns. chaff keeps byte offsets internally and
/// converts once, at report time, into the unit the user asked for.
public enum ColumnUnit: String, CaseIterable, Sendable {
    /// UTF-8 bytes (Vim `%c`, reviewdog, GCC `-fdiagnostics-column-unit=byte`).
    case utf8
    /// UTF-16 code units (VS Code, LSP, SARIF `utf16CodeUnits`, GitHub).
    case utf16
    /// Unicode scalar values (SARIF `unicodeCodePoints`).
    case scalar
    /// Terminal display columns: East Asian Wide and Fullwidth characters count 2, a tab advances
    /// to the next multiple of 8 (Emacs `compilation-error-screen-columns`, GCC's default).
    case display
}
