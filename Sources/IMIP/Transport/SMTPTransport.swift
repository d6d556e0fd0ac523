import CCurl
import Foundation

/// Delivers over SMTP with libcurl: STARTTLS or implicit TLS, AUTH, timeouts (RFC 5321, RFC 3207, RFC 4954).
///
/// Each `send` uses its own curl handle on the calling thread; nothing is shared.
public struct SMTPTransport: MailTransport {
    /// The server and options.
    public var configuration: SMTPConfiguration

    /// Creates a transport.
    public init(configuration: SMTPConfiguration) {
        self.configuration = configuration
        _ = SMTPTransport.globalInit
    }

    /// `curl_global_init` must run once before any thread uses curl; a static let runs exactly once.
    private static let globalInit: CURLcode = curl_global_init(Int(CURL_GLOBAL_DEFAULT))

    /// Sends one message; 5xx replies are permanent, everything else transient.
    public func send(_ message: String, from sender: String, to recipients: [String]) throws(MailTransportError) {
        let (from, to) = try envelope(from: sender, to: recipients)
        guard let handle = curl_easy_init() else { throw .transient("curl_easy_init failed") }
        defer { curl_easy_cleanup(handle) }

        let upload = UploadBuffer(Array(message.utf8))
        var recipientList: UnsafeMutablePointer<curl_slist>?
        for address in to { recipientList = curl_slist_append(recipientList, "<\(address.address)>") }
        defer { curl_slist_free_all(recipientList) }
        var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)

        let c = configuration
        var setup: [CURLcode] = [
            almanac_curl_setopt_string(handle, CURLOPT_URL, c.url),
            almanac_curl_setopt_string(handle, CURLOPT_MAIL_FROM, "<\(from.address)>"),
            almanac_curl_setopt_slist(handle, CURLOPT_MAIL_RCPT, recipientList),
            almanac_curl_setopt_long(handle, CURLOPT_UPLOAD, 1),
            almanac_curl_setopt_read_function(handle, uploadRead),
            almanac_curl_setopt_pointer(handle, CURLOPT_READDATA, Unmanaged.passUnretained(upload).toOpaque()),
            almanac_curl_setopt_long(handle, CURLOPT_INFILESIZE_LARGE, Int(upload.bytes.count)),
            almanac_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1),  // threads: no SIGALRM for timeouts
            almanac_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT, c.connectTimeout),
            almanac_curl_setopt_long(handle, CURLOPT_TIMEOUT, c.timeout),
            almanac_curl_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, c.verifyPeer ? 1 : 0),
            almanac_curl_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, c.verifyHost ? 2 : 0),
            almanac_curl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "smtp,smtps"),
        ]
        switch c.security {
        case .none: break
        case .startTLSOptional: setup.append(almanac_curl_setopt_long(handle, CURLOPT_USE_SSL, Int(CURLUSESSL_TRY.rawValue)))
        case .startTLS, .implicitTLS: setup.append(almanac_curl_setopt_long(handle, CURLOPT_USE_SSL, Int(CURLUSESSL_ALL.rawValue)))
        }
        if let user = c.username {
            setup.append(almanac_curl_setopt_string(handle, CURLOPT_USERNAME, user))
            setup.append(almanac_curl_setopt_string(handle, CURLOPT_PASSWORD, c.password ?? ""))
        }
        if let caFile = c.caFile { setup.append(almanac_curl_setopt_string(handle, CURLOPT_CAINFO, caFile)) }
        if let failed = setup.first(where: { $0 != CURLE_OK }) {
            throw .transient("curl option rejected: \(String(cString: curl_easy_strerror(failed)))")
        }

        let result = errorBuffer.withUnsafeMutableBufferPointer { buffer -> CURLcode in
            _ = almanac_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, buffer.baseAddress)
            return withExtendedLifetime(upload) { curl_easy_perform(handle) }
        }
        guard result != CURLE_OK else { return }
        var code = 0
        _ = almanac_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &code)
        let detail = errorBuffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        let text = "\(String(cString: curl_easy_strerror(result)))\(detail.isEmpty ? "" : ": \(detail)")"
            + (code > 0 ? " (SMTP \(code))" : "")
        throw SMTPTransport.classify(result, responseCode: code, text: text)
    }

    /// 5xx from the server is permanent; connection, TLS, login and 4xx trouble is transient.
    static func classify(_ result: CURLcode, responseCode: Int, text: String) -> MailTransportError {
        switch result {
        case CURLE_LOGIN_DENIED, CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_OPERATION_TIMEDOUT,
            CURLE_USE_SSL_FAILED, CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_GOT_NOTHING:
            return .transient(text)
        default:
            return (500...599).contains(responseCode) ? .permanent(text) : .transient(text)
        }
    }
}

/// The message bytes and how far curl has read them. Created, used and
/// released on the sending thread only.
private final class UploadBuffer {
    let bytes: [UInt8]
    var offset = 0
    init(_ bytes: [UInt8]) { self.bytes = bytes }
}

/// CURLOPT_READFUNCTION: copies the next slice of the message into curl's buffer.
private func uploadRead(_ buffer: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ userdata: UnsafeMutableRawPointer?) -> Int {
    guard let buffer, let userdata else { return 0 }
    let upload = Unmanaged<UploadBuffer>.fromOpaque(userdata).takeUnretainedValue()
    let length = min(size * count, upload.bytes.count - upload.offset)
    guard length > 0 else { return 0 }
    upload.bytes.withUnsafeBufferPointer { source in
        UnsafeMutableRawPointer(buffer).copyMemory(from: source.baseAddress! + upload.offset, byteCount: length)
    }
    upload.offset += length
    return length
}
