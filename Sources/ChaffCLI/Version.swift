/// chaff's version, reported by `--version` and in SARIF and JSON output.
public enum ChaffVersion {
    /// Semantic version.
    public static let current = "0.1.0"
}
