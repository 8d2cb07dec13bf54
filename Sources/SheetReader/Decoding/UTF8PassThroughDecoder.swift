// UTF-8 input is validated and copied as is: the output bytes are the input bytes.

final class UTF8PassThroughDecoder: TextDecoder {
    let encoding = TextEncoding.utf8
    var pending: [UInt8] = []
    private(set) var pendingOffset: Int

    init(startOffset: Int) {
        pendingOffset = startOffset
    }

    func decode(into output: inout [UInt8], final: Bool) -> DecodeFailure? {
        guard !pending.isEmpty else { return nil }
        let check = pending.withUnsafeBufferPointer { checkUTF8($0) }
        let good: Int
        var failure: DecodeFailure?
        switch check {
        case .valid:
            good = pending.count
        case .incomplete(let at):
            good = at
            if final {
                failure = .cutOff(at: pendingOffset + at, encoding: "UTF-8", bytes: pending[at...])
            }
        case .invalid(let at):
            good = at
            failure = .invalid(at: pendingOffset + at, encoding: "UTF-8", bytes: pending[at...])
        }
        if good == pending.count {
            output.append(contentsOf: pending)
            pending.removeAll(keepingCapacity: true)
        } else {
            output.append(contentsOf: pending[..<good])
            pending.removeSubrange(..<good)
        }
        pendingOffset += good
        return failure
    }
}
