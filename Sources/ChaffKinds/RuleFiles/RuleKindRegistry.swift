import ChaffEngine

/// Every rule kind chaff knows, by the name a rule file uses. Add a new kind here.
public enum RuleKindRegistry {
    /// The kinds, in documentation order.
    public static let kinds: [any RuleKind.Type] = [
        PatternRule.self,
        PlaceholderRule.self,
        EncodingRule.self,
        SuppressionAuditRule.self,
        UnsourcedClaimRule.self,
        UncitedStatisticRule.self,
        MixedHanScriptRule.self,
        MixedScriptWordRule.self,
        GlossReadingRule.self,
        GlossConsistencyRule.self,
        GlossDensityRule.self,
        TypographyRule.self,
        TranslationPlaceholderRule.self,
        LocalizationSyntaxRule.self,
    ]

    /// The kind named `name`.
    public static func kind(named name: String) -> (any RuleKind.Type)? {
        kinds.first { $0.kindName == name }
    }
}
