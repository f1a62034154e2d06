/// The `consistent` mode of the typography rules: the form a document uses most is its
/// style, and the other forms are reported; when two forms are used equally often, the
/// document has no style to follow and nothing is reported.
enum TypographyMajority {
    /// The form counted most often in `counts`, or nil when nothing was counted or the top
    /// count is shared.
    static func winner<Form: Hashable>(_ counts: [Form: Int]) -> Form? {
        var best: Form? = nil
        var bestCount = 0
        var shared = false
        for (form, count) in counts where count > 0 {
            if count > bestCount {
                best = form
                bestCount = count
                shared = false
            } else if count == bestCount {
                shared = true
            }
        }
        return shared ? nil : best
    }
}
