import { msg, str } from '@lit/localize';
import type { ArchiveProblem, CommandErrorCode, DecodedEncoding, FailureReason, ImportFailure, OpmlProblemReason, SearchIndexBehind } from '../contract/index.ts';
import { encodingLabel, TEXT_ENCODING_LABELS } from '../contract/text-encodings.ts';

/**
 * The host's notices are written in English, because the CLI prints them too; the UI says the ones it
 * knows in its own language. The keys are the host's exact wording: search/run-search.ts
 * (NOTHING_SEARCHABLE) and search/index-manager.ts (BUILDING_MESSAGE); a unit test keeps them equal.
 */
export const KNOWN_SEARCH_NOTICES = {
  'Nothing to search for: type a word, a "quoted phrase" or a filter such as source:': () =>
    msg('Không có gì để tìm: hãy gõ một từ, một “cụm từ trong ngoặc kép” hoặc một bộ lọc như source:', {
      id: 'search.nothing-searchable',
      desc: 'source: is query syntax and stays as is',
    }),
  'The search index is being built; results will appear in a moment.': () =>
    msg('Chỉ mục tìm kiếm đang được xây dựng; kết quả sẽ hiện ra trong giây lát.', { id: 'search.index-building' }),
} as const satisfies Record<string, () => string>;

/** A search notice in the UI's language; one the UI does not know is shown as the host wrote it. */
export function searchNotice(message: string): string {
  return Object.hasOwn(KNOWN_SEARCH_NOTICES, message) ? KNOWN_SEARCH_NOTICES[message as keyof typeof KNOWN_SEARCH_NOTICES]() : message;
}

/** Why searches may miss recent articles (search.status `behind`), in the UI's language. */
export function searchBehindText(behind: SearchIndexBehind): string {
  const counted = behind.indexed !== undefined && behind.total !== undefined;
  if (behind.reason === 'disk-full') {
    return counted
      ? msg(str`Ổ đĩa đầy nên chỉ mục tìm kiếm chưa cập nhật: mới tìm được trong ${behind.indexed} trên ${behind.total} bài.`, {
          id: 'search.behind.disk-full-counted',
          desc: 'The search index could not be written; values are article counts',
        })
      : msg('Ổ đĩa đầy nên chỉ mục tìm kiếm chưa cập nhật; kết quả có thể thiếu các bài mới.', { id: 'search.behind.disk-full' });
  }
  return counted
    ? msg(str`Chỉ mục tìm kiếm chưa cập nhật: mới tìm được trong ${behind.indexed} trên ${behind.total} bài.`, {
        id: 'search.behind.write-failed-counted',
        desc: 'The search index could not be written; values are article counts',
      })
    : msg('Chỉ mục tìm kiếm chưa cập nhật; kết quả có thể thiếu các bài mới.', { id: 'search.behind.write-failed' });
}

/** Why a line of an OPML file was skipped, in the UI's language (the parser's own words stay as they are). */
export function opmlProblemText(reason: OpmlProblemReason): string {
  switch (reason.kind) {
    case 'not-well-formed':
      return msg(str`XML không hợp lệ (${reason.detail})`, { id: 'opml-problem.not-well-formed', desc: 'The value is the XML parser’s own English message' });
    case 'not-opml':
      return msg('không phải tệp OPML (không có thẻ opml)', { id: 'opml-problem.not-opml' });
    case 'no-body':
      return msg('tệp OPML không có phần body', { id: 'opml-problem.no-body' });
    case 'outline-without-feed': {
      const label = reason.label || msg('không tên', { id: 'opml-problem.untitled', desc: 'An OPML outline without a title' });
      return msg(str`mục “${label}” không có địa chỉ nguồn (xmlUrl) và không chứa nguồn nào; đã bỏ qua`, {
        id: 'opml-problem.outline-without-feed',
        desc: 'The value is the outline’s title',
      });
    }
    case 'not-http':
      return msg(str`mục “${reason.label || reason.url}”: ${reason.url} không phải địa chỉ http(s); đã bỏ qua`, {
        id: 'opml-problem.not-http',
        desc: 'First value is the outline’s title, second its feed address',
      });
    case 'address-not-allowed':
      return msg(str`${reason.url}: không được lấy tin từ ${reason.host}, một địa chỉ trong máy hoặc mạng nội bộ`, {
        id: 'opml-problem.address-not-allowed',
        desc: 'First value is a feed address, second its host',
      });
  }
}

/** Why the shared archive could not be reached or used, in the UI's language (the host's English `message` goes to the tooltip). */
export function archiveProblemText(problem: ArchiveProblem): string {
  switch (problem.kind) {
    case 'archive.unreachable':
      return msg('Không kết nối được tới kho chung: máy chủ không trả lời hoặc địa chỉ sai. Thay đổi vẫn được giữ và sẽ gửi khi kết nối lại.', { id: 'archive.problem.unreachable' });
    case 'archive.auth-failed':
      return msg(str`Kho chung từ chối đăng nhập của ${problem.user}: sai mật khẩu hoặc tài khoản không tồn tại.`, { id: 'archive.problem.auth-failed', desc: 'The value is a PostgreSQL role name' });
    case 'archive.tls':
      return msg('Không lập được kết nối mã hoá (TLS) tới kho chung; hãy kiểm tra sslmode trong địa chỉ và chứng chỉ của máy chủ.', { id: 'archive.problem.tls', desc: 'sslmode is a connection option and stays as is' });
    case 'archive.not-set-up':
      return msg('Cơ sở dữ liệu này chưa được thiết lập làm kho chung; người quản trị cần chạy “newsroom-reader archive init” trước.', { id: 'archive.problem.not-set-up', desc: 'The quoted command stays as is' });
    case 'archive.newer-schema':
      return msg(str`Kho chung dùng phiên bản cấu trúc ${problem.version}, mới hơn phiên bản ${problem.known} mà ứng dụng này biết; hãy cập nhật Newsroom Reader.`, { id: 'archive.problem.newer-schema', desc: 'Values: the archive schema version, then the one this app knows' });
    case 'archive.not-reporter':
      return msg(str`${problem.user} chưa được cấp quyền phóng viên trong kho chung; hãy nhờ người quản trị thêm vào một ban.`, { id: 'archive.problem.not-reporter', desc: 'The value is a PostgreSQL role name' });
    case 'archive.no-password':
      return msg(str`Chưa có mật khẩu cho ${problem.user}; hãy nhập mật khẩu rồi kết nối lại.`, { id: 'archive.problem.no-password', desc: 'The value is a PostgreSQL role name' });
    case 'archive.failed':
      return msg('Thao tác với kho chung không thành công. Hãy thử lại.', { id: 'archive.problem.failed' });
    default: {
      const _unknown: never = problem;
      return msg('Thao tác với kho chung không thành công. Hãy thử lại.', { id: 'archive.problem.failed' });
    }
  }
}

/** The technical detail some archive problems carry (the server's own words), for a tooltip; '' when none. */
export function archiveProblemDetail(reason: FailureReason): string {
  return 'detail' in reason && typeof reason.detail === 'string' ? reason.detail : '';
}

/**
 * What a refused or failed command means to the user, in the UI's language. The host's own message
 * (English, technical: "No article with id …") is kept for the tooltip and the console, not the banner.
 */
export function failureMessage(code: CommandErrorCode): string {
  switch (code) {
    case 'not-found':
      return msg('Không tìm thấy mục này; có thể nó vừa bị xoá.', { id: 'failure.not-found' });
    case 'invalid-arguments':
      return msg('Yêu cầu không hợp lệ nên không được thực hiện.', { id: 'failure.invalid-arguments' });
    case 'unsupported':
      return msg('Thao tác này không được hỗ trợ.', { id: 'failure.unsupported' });
    case 'unknown-command':
    case 'failed':
      return msg('Thao tác không thành công. Hãy thử lại.', { id: 'failure.failed' });
  }
}

/**
 * A refused command in the UI's language: the reason the host gave when the UI knows it (which folder,
 * what is wrong with it), else the meaning of the error code. The host's English message is not shown
 * here; callers keep it for a tooltip and the console.
 */
export function commandFailureText(failure: { code: CommandErrorCode; reason?: FailureReason | undefined }): string {
  return (failure.reason && reasonMessage(failure.reason)) ?? failureMessage(failure.code);
}

/** The UI's words for a reason the host gave; undefined for one this renderer does not know (a newer host). */
export function reasonMessage(reason: FailureReason): string | undefined {
  switch (reason.kind) {
    case 'move.not-absolute':
      return msg('Hãy nhập thư mục mới bằng đường dẫn đầy đủ.', { id: 'failure.move.not-absolute' });
    case 'move.same-folder':
      return msg('Thư viện đã ở sẵn trong thư mục đó.', { id: 'failure.move.same-folder' });
    case 'move.inside-library':
      return msg('Thư mục mới không được nằm trong thư mục thư viện hiện tại.', { id: 'failure.move.inside-library' });
    case 'move.not-a-folder':
      return msg(str`${reason.path} là một tệp, không phải thư mục.`, { id: 'failure.move.not-a-folder', desc: 'The value is a path' });
    case 'move.not-empty':
      return msg(str`Thư mục ${reason.path} không trống; hãy chọn một thư mục trống hoặc chưa có.`, {
        id: 'failure.move.not-empty',
        desc: 'Moving the library: the chosen folder already holds files. The value is a path',
      });
    case 'move.parent-missing':
    case 'backup.folder-missing':
      return msg(str`Thư mục ${reason.path} không tồn tại.`, { id: 'failure.folder-missing', desc: 'The value is a path' });
    case 'move.copy-mismatch':
      return msg(str`Bản sao trong ${reason.path} không khớp với thư viện nên thư viện chưa được chuyển.`, {
        id: 'failure.move.copy-mismatch',
        desc: 'The verified copy failed its check; the value is a path',
      });
    case 'move.cannot-create':
      return msg(str`Không tạo được thư mục ${reason.path} (${reason.code}).`, { id: 'failure.move.cannot-create', desc: 'First value is a path, second a system error code such as ENOENT' });
    case 'core.stopped':
      return reason.restarted
        ? msg('Phần lõi của ứng dụng vừa dừng giữa chừng và đã được khởi động lại; thư viện vẫn nguyên vẹn. Hãy thử lại.', { id: 'failure.core.restarted', desc: 'The background part of the app stopped during an action and was restarted' })
        : msg('Phần lõi của ứng dụng đã dừng nhiều lần nên không được khởi động lại; thư viện vẫn nguyên vẹn. Hãy mở lại ứng dụng.', { id: 'failure.core.stopped', desc: 'The background part of the app stopped too often and was not restarted' });
    case 'command.not-allowed':
      return msg('Cửa sổ này không được phép làm thao tác đó.', { id: 'failure.command.not-allowed', desc: 'The host refused a command this window may not call' });
    case 'backup.exists':
      return msg(str`Tệp ${reason.path} đã có; hãy chọn tên khác.`, { id: 'failure.backup.exists', desc: 'Backup refused to replace an existing file. The value is a path' });
    case 'backup.live-library':
      return msg(str`${reason.path} là tệp cơ sở dữ liệu của một thư viện; bản sao lưu không bao giờ ghi đè lên nó.`, { id: 'failure.backup.live-library', desc: 'The value is a path' });
    case 'disk-full':
      return msg(str`Ổ đĩa chứa ${reason.folder} đã đầy nên chưa lưu được gì. Hãy giải phóng bớt dung lượng rồi thử lại.`, { id: 'failure.disk-full', desc: 'The value is the library folder' });
    case 'library.in-use':
      return msg(str`Thư viện trong ${reason.folder} đang được một tiến trình Newsroom Reader khác mở (pid ${reason.pid}).`, { id: 'failure.library.in-use', desc: 'First value is a folder, second a process id' });
    case 'backup.is-folder':
      return msg(str`${reason.path} là một thư mục; hãy thêm tên tệp cho bản sao lưu.`, { id: 'failure.backup.is-folder', desc: 'The value is a path' });
    case 'article.not-found':
      return msg('Không tìm thấy bài này trong thư viện; có thể nó vừa bị xoá.', { id: 'failure.article.not-found' });
    case 'export.unknown-articles':
      return msg('Một số bài đã chọn không còn trong thư viện.', { id: 'failure.export.unknown-articles' });
    case 'annotation.article-not-found':
      return msg('Bài của ghi chú này không có trong thư viện.', { id: 'failure.annotation.article-not-found' });
    case 'annotation.not-found':
      return msg('Không tìm thấy ghi chú này; có thể nó vừa bị xoá.', { id: 'failure.annotation.not-found' });
    case 'annotation.quote-not-found':
      return msg('Không tìm thấy đoạn trích trong bài.', { id: 'failure.annotation.quote-not-found' });
    case 'annotation.invalid-range':
      return msg('Đoạn đã chọn không nằm trong bài.', { id: 'failure.annotation.invalid-range' });
    case 'annotation.invalid-input':
      return msg('Ghi chú không hợp lệ nên không được lưu.', { id: 'failure.annotation.invalid-input' });
    case 'source.not-found':
      return msg('Không tìm thấy nguồn này; có thể nó vừa bị gỡ.', { id: 'failure.source.not-found' });
    case 'source.exists':
      return msg(str`Đã theo dõi nguồn này rồi: “${reason.title}”.`, { id: 'failure.source.exists', desc: 'The value is the existing source’s title' });
    case 'source.unusable':
      return msg(str`Không theo dõi được ${reason.url}: ${importFailureText(reason.failure)}.`, { id: 'failure.source.unusable', desc: 'First value is an address, second why it cannot be subscribed to' });
    case 'source.empty-folder':
      return msg(str`Thư mục “${reason.folder}” không có nguồn nào.`, { id: 'failure.source.empty-folder', desc: 'The value is a folder name' });
    case 'opml.unreadable':
      return msg(str`Không đọc được nguồn nào từ tệp OPML (dòng ${reason.line}: ${opmlProblemText(reason.problem)}).`, {
        id: 'failure.opml.unreadable',
        desc: 'First value is a line number, second what is wrong on it',
      });
    case 'bulk.undo-expired':
      return msg('Không thể hoàn tác thao tác này nữa (đã hoàn tác rồi, hoặc đã quá cũ).', { id: 'failure.bulk.undo-expired' });
    case 'watch.not-found':
      return msg('Không tìm thấy tìm kiếm đã lưu này; có thể nó vừa bị xoá.', { id: 'failure.watch.not-found' });
    case 'watch.exists':
      return msg(str`Đã có một tìm kiếm đã lưu tên “${reason.name}”.`, { id: 'failure.watch.exists', desc: 'The value is the saved search’s name' });
    case 'archive.unreachable':
    case 'archive.auth-failed':
    case 'archive.tls':
    case 'archive.not-set-up':
    case 'archive.newer-schema':
    case 'archive.not-reporter':
    case 'archive.no-password':
    case 'archive.failed':
      return archiveProblemText(reason);
    case 'archive.not-linked':
      return msg('Thư viện này chưa kết nối với kho chung nào.', { id: 'failure.archive.not-linked' });
    case 'archive.pending-changes':
      return msg(str`Còn ${reason.pending} thay đổi chưa gửi lên kho chung nên chưa ngắt kết nối.`, { id: 'failure.archive.pending-changes', desc: 'The value is a count of changes' });
    case 'archive.password-in-address':
      return reason.where === 'environment'
        ? msg('Đừng ghi mật khẩu trong địa chỉ; hãy đặt nó trong PGPASSFILE hoặc PGPASSWORD.', { id: 'failure.archive.password-in-address-environment', desc: 'PGPASSFILE and PGPASSWORD are environment variable names' })
        : msg('Đừng ghi mật khẩu trong địa chỉ; hãy nhập nó vào ô Mật khẩu.', { id: 'failure.archive.password-in-address' });
    case 'archive.article-not-found':
      return msg('Kho chung không có bài này, hoặc bạn không được xem nó.', { id: 'failure.archive.article-not-found' });
    case 'archive.not-on-desk':
      return msg(str`Bạn không thuộc ban “${reason.desk}”, hoặc ban đó không có.`, { id: 'failure.archive.not-on-desk', desc: 'The value is a desk name' });
    case 'archive.foreign-annotation':
      return msg('Đây là ghi chú của phóng viên khác: chỉ xem được, không sửa hay chia sẻ được.', { id: 'failure.archive.foreign-annotation' });
    case 'archive.link-unconfirmed':
      return linkUnconfirmedText(reason.why);
    default: {
      const _unknown: never = reason;
      return undefined;
    }
  }
}

function linkUnconfirmedText(why: Extract<FailureReason, { kind: 'archive.link-unconfirmed' }>['why']): string {
  switch (why) {
    case 'missing':
      return msg('Chưa liên kết: hãy xác nhận kho chung trước (bấm Kết nối, xem lại máy chủ rồi bấm Liên kết).', { id: 'failure.archive.link-unconfirmed.missing', desc: 'Kết nối and Liên kết are button labels' });
    case 'unknown':
      return msg('Chưa liên kết: lời xác nhận này không còn dùng được. Hãy bấm Kết nối để xem lại kho chung và xác nhận lần nữa.', { id: 'failure.archive.link-unconfirmed.unknown', desc: 'Kết nối is a button label' });
    case 'expired':
      return msg('Chưa liên kết: lời xác nhận đã hết hạn. Hãy bấm Kết nối để xem lại kho chung và xác nhận lần nữa.', { id: 'failure.archive.link-unconfirmed.expired', desc: 'Kết nối is a button label' });
    case 'other-address':
      return msg('Chưa liên kết: lời xác nhận là cho một địa chỉ kho chung khác. Hãy bấm Kết nối để xem lại địa chỉ này và xác nhận.', { id: 'failure.archive.link-unconfirmed.other-address', desc: 'Kết nối is a button label' });
  }
}

function unknownImportFailure(): string {
  return msg('không nhập được', { id: 'import-failure.unknown', desc: 'A file could not be imported for a reason the UI cannot describe' });
}

function byteLimit(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${bytes} B`;
}

/**
 * Why a file, URL or record was not imported, in the UI's language. Technical details (a parser's or
 * the network's own words) are not repeated here: the report's English `error` carries them for the
 * tooltip. A reason this renderer does not know gets a general text.
 */
export function importFailureText(reason: ImportFailure | undefined): string {
  switch (reason?.kind) {
    case 'empty-file':
      return msg('tệp rỗng', { id: 'import-failure.empty-file' });
    case 'too-large':
      return msg(str`tệp lớn hơn ${byteLimit(reason.maxBytes)}`, { id: 'import-failure.too-large', desc: 'The value is a size such as 50 MB' });
    case 'missing':
      return msg('không có tệp hay thư mục này', { id: 'import-failure.missing' });
    case 'permission-denied':
      return msg('không có quyền đọc', { id: 'import-failure.permission-denied' });
    case 'folder-without-importable-files':
      return msg('thư mục không có tệp nào nhập được', { id: 'import-failure.folder-without-importable-files' });
    case 'unsupported-type':
      return msg(str`chưa hỗ trợ loại tệp .${reason.extension}`, { id: 'import-failure.unsupported-type', desc: 'The value is a file extension such as png' });
    case 'xml-entities':
      return msg('tệp XML khai báo thực thể (DTD) nên bị từ chối để an toàn', { id: 'import-failure.xml-entities', desc: 'An XML file with a DTD that declares entities (a known attack) was refused' });
    case 'xml-not-a-feed':
      return msg('tệp XML không phải nguồn tin RSS, Atom hay RDF', { id: 'import-failure.xml-not-a-feed' });
    case 'unrecognised-format':
      return msg('không nhận ra định dạng', { id: 'import-failure.unrecognised-format' });
    case 'binary':
      return msg('tệp nhị phân, không phải văn bản', { id: 'import-failure.binary' });
    case 'not-utf8':
      return msg('không phải văn bản UTF-8, cũng không nhận ra là tiếng Việt theo bảng mã TCVN3, VNI, VISCII hay Windows-1258 (hãy lưu lại dưới dạng UTF-8, hoặc chọn bảng mã khi nhập)', {
        id: 'import-failure.not-utf8',
      });
    case 'uncertain-encoding': {
      const names = reason.candidates.map((c) => TEXT_ENCODING_LABELS[c]).join(', ');
      return reason.candidates.length > 1
        ? msg(str`không chắc tệp dùng bảng mã nào: đọc theo ${names} đều ra tiếng Việt (hãy chọn bảng mã khi nhập)`, {
            id: 'import-failure.uncertain-encoding',
            desc: 'The value lists encoding names such as TCVN3 (ABC), VNI',
          })
        : msg('văn bản có vẻ đã bị lỗi phông (bảng mã cũ bị đọc nhầm rồi lưu thành UTF-8) và không sửa lại được một cách chắc chắn (hãy chọn bảng mã khi nhập)', {
            id: 'import-failure.garbled-unrepairable',
          });
    }
    case 'undecodable':
      return msg(str`không giải mã được tệp theo bảng mã ${reason.encoding.toUpperCase()}`, { id: 'import-failure.undecodable', desc: 'The value is a text encoding such as UTF-16LE' });
    case 'no-text':
      return msg('không tìm thấy nội dung bài', { id: 'import-failure.no-text' });
    case 'malformed-feed':
      return msg('nguồn tin bị lỗi định dạng', { id: 'import-failure.malformed-feed' });
    case 'feed-without-entries':
      return msg('nguồn tin không có bài nào', { id: 'import-failure.feed-without-entries' });
    case 'feed-entry-without-text':
      return reason.title
        ? msg(str`bài “${reason.title}” trong nguồn tin không có nội dung`, { id: 'import-failure.feed-entry-without-text', desc: 'The value is the entry’s title' })
        : msg('một bài không tiêu đề trong nguồn tin không có nội dung', { id: 'import-failure.untitled-feed-entry-without-text' });
    case 'invalid-json':
      return msg('không phải JSON hợp lệ', { id: 'import-failure.invalid-json' });
    case 'no-records':
      return msg('tệp không có bản ghi nào', { id: 'import-failure.no-records' });
    case 'record-too-large':
      return msg(str`bản ghi lớn hơn ${byteLimit(reason.maxBytes)}, mức tối đa của một bản ghi`, { id: 'import-failure.record-too-large', desc: 'One line of an NDJSON file is over the limit; the value is a size such as 267 MB' });
    case 'unsupported-export-format':
      return msg(str`chưa hỗ trợ định dạng xuất ${reason.format}`, { id: 'import-failure.unsupported-export-format', desc: 'The value is a format name in quotes' });
    case 'record-without-type':
      return msg('bản ghi xuất không có kiểu', { id: 'import-failure.record-without-type' });
    case 'invalid-record':
      return reason.record === 'export'
        ? msg('bản ghi xuất không hợp lệ', { id: 'import-failure.invalid-export-record' })
        : msg('bản ghi bài không hợp lệ', { id: 'import-failure.invalid-article-record' });
    case 'unsupported-record-type':
      return msg(str`phiên bản này chưa nhập được bản ghi loại “${reason.type}”`, { id: 'import-failure.unsupported-record-type', desc: 'The value is a record type such as annotation' });
    case 'invalid-url':
      return msg('URL không hợp lệ', { id: 'import-failure.invalid-url' });
    case 'not-http':
      return msg('chỉ nhập được URL http và https', { id: 'import-failure.not-http' });
    case 'not-a-regular-file':
      return msg('không phải tệp thông thường (thiết bị, ống dẫn hay socket thì không nhập được)', { id: 'import-failure.not-a-regular-file' });
    case 'address-not-allowed':
      return msg(str`không tải từ ${reason.host}: đây là địa chỉ trong máy hoặc mạng nội bộ (hãy gõ trực tiếp địa chỉ đó nếu muốn)`, {
        id: 'import-failure.address-not-allowed',
        desc: 'A URL or one of its redirects pointed at a local/private address; the value is a host name or IP',
      });
    case 'too-many-redirects':
      return msg(str`chuyển hướng quá ${reason.max} lần`, { id: 'import-failure.too-many-redirects', desc: 'The value is a number' });
    case 'disk-full':
      return msg('ổ đĩa đầy nên không lưu được', { id: 'import-failure.disk-full' });
    case 'http-status':
      return msg(str`máy chủ trả lời HTTP ${reason.status}`, { id: 'import-failure.http-status', desc: 'The value is an HTTP status code such as 404' });
    case 'timeout':
      return msg(str`quá thời gian chờ (${reason.seconds} giây)`, { id: 'import-failure.timeout', desc: 'Fetching a URL took too long; the value is seconds' });
    case 'fetch-failed':
      return msg('không tải được URL', { id: 'import-failure.fetch-failed' });
    case 'no-highlights':
      return msg('tệp ghi chú không có đoạn tô sáng nào', { id: 'import-failure.no-highlights' });
    case 'invalid-annotations':
      return msg('không đọc được ghi chú', { id: 'import-failure.invalid-annotations' });
    case 'save-failed':
      return msg('không lưu được vào thư viện', { id: 'import-failure.save-failed' });
    case 'too-complex':
      return reason.cause === 'nesting'
        ? msg(str`tệp quá phức tạp: lồng nhau sâu hơn ${reason.maxDepth} tầng`, { id: 'import-failure.too-complex-nesting', desc: 'A file nests elements or lists too deeply to import safely; the value is the limit' })
        : msg('tệp quá phức tạp để đọc an toàn', { id: 'import-failure.too-complex', desc: 'Parsing the file needed more memory or stack than allowed' });
    case 'parse-timed-out':
      return msg(str`đọc tệp quá ${reason.seconds} giây nên đã dừng`, { id: 'import-failure.parse-timed-out', desc: 'Parsing a file took too long and was stopped; the value is seconds' });
    case 'page-not-a-feed':
      return msg('địa chỉ này không trả về nguồn tin RSS, Atom hay JSON', { id: 'import-failure.page-not-a-feed' });
    case 'no-feed-found':
      return msg('trang này không dẫn tới nguồn tin RSS, Atom hay JSON nào', { id: 'import-failure.no-feed-found' });
    case 'not-an-image':
      return reason.cause === 'svg'
        ? msg('ảnh SVG không được giữ lại', { id: 'import-failure.not-an-image-svg' })
        : msg('không phải ảnh (JPEG, PNG, GIF, WebP hay AVIF)', { id: 'import-failure.not-an-image' });
    case 'photo-limit':
      return msg(str`quá số ảnh một bài được giữ (${reason.maxPhotos} ảnh)`, { id: 'import-failure.photo-limit', desc: 'A page had more photos than one article keeps; the value is a number' });
    case 'photo-outside-folder':
      return msg('ảnh không nằm trong thư mục của trang đã lưu', { id: 'import-failure.photo-outside-folder' });
    case 'encrypted-document':
      return msg('tệp PDF được bảo vệ bằng mật khẩu; hãy gỡ bảo vệ (hoặc in ra một PDF mới) rồi nhập tệp đó', { id: 'import-failure.encrypted-document' });
    case 'corrupt-document':
      if (reason.format === 'image') return msg('ảnh bị hỏng hoặc ở định dạng mà OCR không đọc được', { id: 'import-failure.corrupt-image' });
      return msg(str`tệp ${reason.format.toUpperCase()} bị hỏng hoặc không thật sự là tệp ${reason.format.toUpperCase()}`, { id: 'import-failure.corrupt-document', desc: 'The value is a file format: PDF, DOCX or EPUB' });
    case 'too-many-pages':
      return msg(str`tệp PDF có ${reason.pages} trang; mỗi lần chỉ nhập tối đa ${reason.maxPages} trang (hãy tách tệp trước)`, { id: 'import-failure.too-many-pages', desc: 'Values: the PDF page count, then the limit' });
    case 'unpacks-too-large':
      return msg(str`tệp giải nén ra quá ${Math.round(reason.maxBytes / 1024 / 1024)} MB (có thể là “bom zip”)`, { id: 'import-failure.unpacks-too-large', desc: 'A DOCX or EPUB unpacks to more than the limit in megabytes' });
    case 'ocr-model-missing':
      return msg('máy này chưa có dữ liệu nhận dạng chữ (OCR) tiếng Việt nên không đọc được ảnh quét; xem hướng dẫn cài tệp vie.traineddata', { id: 'import-failure.ocr-model-missing' });
    case 'unexpected':
    case undefined:
      return unknownImportFailure();
    default: {
      const _unknown: never = reason;
      return unknownImportFailure();
    }
  }
}

/** How an imported file's text was decoded, for the import summary: "đã nhận ra bảng mã TCVN3 (ABC)". */
export function importEncodingText(encoding: DecodedEncoding): string {
  const label = encodingLabel(encoding);
  const how =
    encoding.how === 'chosen'
      ? msg(str`giải mã theo bảng mã đã chọn: ${label}`, { id: 'import-encoding.chosen', desc: 'The value is an encoding name such as VNI' })
      : encoding.how === 'declared'
        ? msg(str`giải mã theo bảng mã ${label} mà trang khai báo`, { id: 'import-encoding.declared', desc: 'The value is an encoding name such as WINDOWS-1252' })
        : msg(str`đã nhận ra bảng mã ${label}`, { id: 'import-encoding.detected', desc: 'The value is an encoding name such as TCVN3 (ABC)' });
  return encoding.garbled
    ? `${how}; ${msg('đã sửa văn bản bị lỗi phông khi lưu thành UTF-8', { id: 'import-encoding.repaired', desc: 'The file was legacy text misread and saved as UTF-8 (mojibake), now repaired' })}`
    : how;
}
