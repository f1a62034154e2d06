import ChaffEngine

/// The pinyin glosses of one document as the gloss rules see them.
///
/// Parenthesised glosses are read from the rule's scope (prose by default), so glosses in code
/// or comments are left alone. Ruby glosses are HTML markup, which a masked scope no longer
/// contains, so they are read from the raw source, also in Markdown and plain text (inline
/// HTML); a ruby gloss counts when its first base character lies in the rule's scope.
package enum DocumentGlosses {
    /// The glosses of the document in `context`, in source order; found once per document and
    /// scope, whichever gloss rule asks first.
    package static func glosses(in context: CheckContext) -> [Gloss] {
        let scope = context.scope
        return context.derived(DerivedKey<[Gloss]>("glosses.\(scope.rawValue)")) {
            let parenthesized = parenthesizedGlosses(in: context)
            return withRuby(parenthesized, scoped: context.bytes(for: scope), source: context.document.source)
        }
    }

    /// The parenthesised glosses of the current scope alone (no ruby), found once per document
    /// and scope and shared with `glosses(in:)`: gloss-interleaved counts only these, and a
    /// second parse of a densely glossed page cost as much as one gloss rule.
    package static func parenthesizedGlosses(in context: CheckContext) -> [Gloss] {
        let scope = context.scope
        return context.derived(DerivedKey<[Gloss]>("glosses.parenthesized.\(scope.rawValue)")) {
            GlossParser.glosses(in: context.bytes(for: scope))
        }
    }

    /// The glosses of a document whose scope bytes are `scoped` (as long as `source`, blanked
    /// outside the scope) and whose raw text is `source`, in source order.
    package static func glosses(scoped: [UInt8], source: [UInt8]) -> [Gloss] {
        withRuby(GlossParser.glosses(in: scoped), scoped: scoped, source: source)
    }

    /// `parenthesized` (the glosses of `scoped`) with the ruby glosses of `source` whose first
    /// base character lies in the scope, in source order.
    static func withRuby(_ parenthesized: [Gloss], scoped: [UInt8], source: [UInt8]) -> [Gloss] {
        var glosses = parenthesized
        let ruby = RubyGlossParser.glosses(in: source).filter { gloss in
            guard let first = gloss.base.first?.range.lowerBound, first < scoped.count else { return false }
            return scoped[first] == source[first]
        }
        if ruby.isEmpty { return glosses }
        glosses += ruby
        glosses.sort { $0.glossRange.lowerBound < $1.glossRange.lowerBound }
        return glosses
    }
}
