extension String {
    /// Replaces every occurrence of the scalar `target`. Works on scalars, not Characters:
    /// "\r\n" is one Character, and comparing Characters would miss the CR and LF inside it.
    package func replacingAll(_ target: Unicode.Scalar, _ replacement: String) -> String {
        guard unicodeScalars.contains(target) else { return self }
        var out = ""
        for scalar in unicodeScalars {
            if scalar == target { out += replacement } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }
}
