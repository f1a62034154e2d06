/// An acronym expanded in two different ways in one document.
package struct AcronymConflict: Hashable, Sendable {
    /// The later expansion, which is reported.
    package let expansion: AcronymExpansion
    /// The first expansion of the acronym in the same language family.
    package let first: AcronymExpansion

    /// Makes a conflict record.
    package init(expansion: AcronymExpansion, first: AcronymExpansion) {
        self.expansion = expansion
        self.first = first
    }
}

/// Compares the expansions of each acronym within one document.
///
/// The first expansion of an acronym in each language family is remembered; every later one
/// in the same family whose normalised text differs is a conflict. A Latin and a Han expansion
/// of the same acronym are translations of each other, not a conflict.
package enum AcronymConflicts {
    /// The conflicts among `expansions` (in source order), in source order.
    package static func conflicts(in expansions: [AcronymExpansion]) -> [AcronymConflict] {
        var first: [String: AcronymExpansion] = [:]
        var result: [AcronymConflict] = []
        for expansion in expansions {
            let key = expansion.acronym + "\u{0}" + expansion.language.rawValue
            guard let earlier = first[key] else {
                first[key] = expansion
                continue
            }
            if earlier.normalized != expansion.normalized {
                result.append(AcronymConflict(expansion: expansion, first: earlier))
            }
        }
        return result
    }
}
