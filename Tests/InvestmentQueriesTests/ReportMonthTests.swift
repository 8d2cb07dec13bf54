import InvestmentQueries
import Testing

@Suite("ReportMonth parsing")
struct ReportMonthTests {
    @Test(arguments: [("2022-06", 202206), ("202206", 202206), ("2022-12", 202212), (" 2022-02 ", 202202)])
    func parses(text: String, key: Int) {
        #expect(ReportMonth(parsing: text)?.key == key)
    }

    @Test(arguments: ["2022-13", "2022-00", "2022-6", "22-06", "2022/06", "", "abcd-ef"])
    func rejects(text: String) {
        #expect(ReportMonth(parsing: text) == nil)
    }

    @Test func labels() {
        #expect(ReportMonth(parsing: "2022-06")?.label == "2022年1-6月")
        #expect(ReportMonth(parsing: "2022-01")?.label == "2022年1月")
        #expect(ReportMonth(parsing: "2022-06")?.description == "2022-06")
    }
}
