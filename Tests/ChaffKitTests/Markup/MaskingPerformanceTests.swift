import Foundation
import Testing

@testable import ChaffEngine

/// Throughput of the maskers on 10 MB documents. Run by hand in release mode:
///
///     CHAFF_PERF=1 swift test -c release -Xswiftc -enable-testing --filter MaskingPerformanceTests
///
/// It prints the time per format and fails if 10 MB takes a second or more.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["CHAFF_PERF"] != nil))
struct MaskingPerformanceTests {
    static let markdownChunk = """
        ## 第 N 节 标题 {{ heading }}

        据不完全统计，这是一个段落，其中有 `inline {{ code }}` 和 **强调** 文字，还有一个[链接](https://example.com/path?q=1 "标题")，
        以及 ![图片](img.png) 和 <span title="提示">内联 HTML</span>。访问 https://example.com/a/b 了解更多 &amp; 详情。
        > 引用一段话，继续 *说明* 文字 %s 和 <关键词>。
        > 第二行引用。

        - 列表项一 [参考][ref]
        - 列表项二 <https://auto.link/x>
          1. 嵌套有序
          2. 第二项

        ```swift
        let x = "{{ fenced }}" // 代码块
        print(x)
        ```

        | 列一 | 列二 |
        |------|------|
        | 单元 | `代码` |

        <!-- 注释 chaff-disable-next-line placeholder -->
        The quick brown fox jumps over the lazy dog, again and again, in plain English prose.

        [ref]: https://example.com/ref "Ref"


        """

    static let htmlChunk = """
        <section class="post"><h2 id="s">第 N 节 标题</h2>
        <p>据不完全统计，这是一个段落，其中有 <code>inline {{ code }}</code> 和 <strong>强调</strong> 文字，
        还有一个<a href="https://example.com/path?q=1" title="标题">链接</a>，以及 <img src="img.png" alt="图片">。
        访问 https://example.com/a/b 了解更多 &amp; 详情 &lt;关键词&gt;。</p>
        <!-- 注释 -->
        <script>var a = "<p>{{ js }}</p>"; if (a < b) { run(); }</script>
        <pre><code>let x = 1 // 代码</code></pre>
        <ul><li>列表项一</li><li>列表项二</li></ul></section>

        """

    static func document(repeating chunk: String, bytes: Int) -> [UInt8] {
        let unit = Array(chunk.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes + unit.count)
        while result.count < bytes { result += unit }
        return result
    }

    @Test(arguments: DocumentFormat.allCases)
    func tenMegabytes(format: DocumentFormat) {
        let source = Self.document(repeating: format == .html ? Self.htmlChunk : Self.markdownChunk, bytes: 10_000_000)
        let masker = format.masker
        _ = masker.mask(Array(source.prefix(100_000)))
        let clock = ContinuousClock()
        var best = Duration.seconds(1000)
        var document: MaskedDocument?
        for _ in 0..<3 {
            let elapsed = clock.measure { document = masker.mask(source) }
            best = min(best, elapsed)
        }
        let megabytes = Double(source.count) / 1_000_000
        let seconds = Double(best.components.seconds) + Double(best.components.attoseconds) / 1e18
        print("PERF \(format.rawValue): \(source.count) bytes in \(best) (\(Int(megabytes / seconds)) MB/s)")
        #expect(document?.bytes(for: .prose).count == source.count)
        #expect(best < .seconds(1))
    }
}
