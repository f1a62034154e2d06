import ChaffEngine

/// The pinyin glosses of one document as the gloss rules see them.
///
/// Parenthesised glosses are read from the rule's scope (prose by default), so glosses in code
/// or comments are left alone. Ruby glosses are read from the same scope at the ruby tags the
/// masker found (HTML, and inline HTML in Markdown), so their base characters must lie in it.
package enum DocumentGlosses {
    /// The family of every value here (`DerivedKey.family`), and of the kinds that read them.
    package static let family = "glosses"

    /// The glosses of the document in `context`, in source order; found once per document and
    /// scope, whichever gloss rule asks first.
    package static func glosses(in context: CheckContext) -> [Gloss] {
        let scope = context.scope
        return context.derived(DerivedKey<[Gloss]>("glosses.\(scope.rawValue)", family: family)) {
            let parenthesized = parenthesizedGlosses(in: context)
            return withRuby(parenthesized, scoped: context.bytes(for: scope), tags: context.document.masked.marks.rubyTags)
        }
    }

    /// The parenthesised glosses of the current scope alone (no ruby), found once per document
    /// and scope and shared with `glosses(in:)`: gloss-interleaved counts only these, and a
    /// second parse of a densely glossed page cost as much as one gloss rule.
    package static func parenthesizedGlosses(in context: CheckContext) -> [Gloss] {
        let scope = context.scope
        return context.derived(DerivedKey<[Gloss]>("glosses.parenthesized.\(scope.rawValue)", family: family)) {
            GlossParser.glosses(in: context.bytes(for: scope))
        }
    }

    /// `parenthesized` (the glosses of `scoped`) with the ruby glosses that `tags` mark in
    /// `scoped`, in source order.
    static func withRuby(_ parenthesized: [Gloss], scoped: [UInt8], tags: [RubyTag]) -> [Gloss] {
        guard !tags.isEmpty else { return parenthesized }
        let ruby = scoped.withUnsafeBufferPointer { RubyGlossParser.glosses(in: $0, tags: tags) }
        if ruby.isEmpty { return parenthesized }
        var glosses = parenthesized + ruby
        glosses.sort { $0.glossRange.lowerBound < $1.glossRange.lowerBound }
        return glosses
    }
}
