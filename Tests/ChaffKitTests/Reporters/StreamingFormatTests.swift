import Testing

@testable import ChaffReporters

/// Which formats stream, as `Reporter.streaming` says without a cast: the line formats print
/// file by file, the others need the whole report.
struct StreamingFormatTests {
    @Test func lineFormatsStreamAndTheOthersDoNot() {
        let streaming = ReporterRegistry.names.filter { ReporterRegistry.make($0, color: false).streaming != nil }
        #expect(streaming.sorted() == ["compiler", "github", "rdjsonl"])
        for name in ReporterRegistry.names {
            let reporter = ReporterRegistry.make(name, color: false)
            #expect((reporter.streaming != nil) == (reporter is any StreamingReporter), "\(name)")
        }
    }
}
