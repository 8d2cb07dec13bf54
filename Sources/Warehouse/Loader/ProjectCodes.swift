/// The national unified project code (全国投资项目在线审批监管平台): `YYYY-XXXXXX-NN-NN-NNNNNN` —
/// year, region (GB/T 2260), industry division (GB/T 4754), type, serial. Anything else a county
/// writes (`灵山临时-2021-07`, `QZ-2022-005`) is a temporary code, which a project may later
/// exchange for its unified one (`Merge.relinkTemporaryCodes`).
enum ProjectCodes {
    /// The same rule as `isUnified`, for SQL (`~`).
    static let unifiedPattern = "^[0-9]{4}-[0-9]{6}-[0-9]{2}-[0-9]{2}-[0-9]{6}$"

    static func isUnified(_ code: String) -> Bool {
        let parts = code.utf8.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        guard parts.count == 5 else { return false }
        for (part, length) in zip(parts, [4, 6, 2, 2, 6]) {
            guard part.count == length, part.allSatisfy({ (0x30...0x39).contains($0) }) else { return false }
        }
        return true
    }
}
