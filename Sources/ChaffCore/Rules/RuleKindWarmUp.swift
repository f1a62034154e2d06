import Dispatch

/// Builds the rule kinds of a run on another thread while the first file is read and checked.
///
/// Built-in kinds are built on first use (`RuleKindBox`), and the costliest, the claim
/// lexicon, takes longer than checking a small file. On a machine with a second core, building
/// it there while the main thread reads, masks and runs the other rules shortens a one-file run
/// (a pre-commit hook on one changed file) by most of that time. The kinds are built from the
/// last rule backwards, the opposite of the order documents run them in, so the two threads
/// rarely wait on the same kind; the box's lock makes either thread wait for a kind the other
/// is building, and nothing is built twice.
public enum RuleKindWarmUp {
    /// Starts building the kinds of `rules` in the background and returns at once.
    public static func start(_ rules: [Rule]) {
        guard !rules.isEmpty else { return }
        DispatchQueue.global(qos: .userInitiated).async {
            for rule in rules.reversed() { _ = rule.implementation }
        }
    }
}
