export const HELP_TEXT = `Newsroom Reader — read, search and annotate news offline.

Usage: newsroom-reader [--library DIR] [--json] <command> [options]

Commands:
  help                          Show this help.
  serve [--port N]              Serve the app to a browser on 127.0.0.1 (prints the URL with its token).
        [--allow-loopback-sources]  FOR TESTS ONLY: let the browser subscribe to and save pages from
                                127.0.0.1 and other local addresses (refused by default).
  import PATH|URL... [--encoding E]
                                Import files, folders, feeds and web pages. The text encoding is detected
                                (UTF-8, UTF-16, TCVN3, VNI, VISCII, VIQR, Windows-1258, text garbled into
                                UTF-8); --encoding utf-8|utf-16le|utf-16be|windows-1258|viscii|tcvn3|vni|viqr
                                overrides it for every file.
  save URL...                   Save web pages as articles with their photos (kept in the library, for
                                reading offline); says how many photos were kept and why others were not.
  list [filters]                List articles. Filters: --view all|unread|starred|archived|trash,
                                --tag T, --collection C, --source S, --from YYYY-MM-DD, --to YYYY-MM-DD,
                                --sort published|imported|title|source, --limit N, --offset N.
  show ID                       Show one article with its full text.
  search QUERY [--limit N]      Vietnamese-aware full-text search (with or without diacritics).
  export [ID...] [--out FILE] [--photos]
                                Export the library, or the articles given, with user state and annotations, as
                                NDJSON; stdout without --out. --photos adds the articles' files (base64):
                                their photos and original documents (PDF, DOCX, EPUB).
  export [ID] --format md|jsonld [--out FILE]
                                An article with its highlights as Markdown, or annotations as W3C JSON-LD.
  annotate ID --quote TEXT [--note TEXT] [--color yellow|green|blue|pink] [--prefix P] [--suffix S]
                                Highlight the first occurrence of TEXT (or the one PREFIX/SUFFIX single out).
  annotations [ID] [--color C] [--by me|desk]
                                List an article's annotations in reading order, or all of them; with a
                                shared archive, --by me (written here) or --by desk (others' shared with you).
  backup FILE [--overwrite]     Write a consistent copy of the database to FILE (an existing FILE
                                is kept unless --overwrite; a library's own database never is).
  set ID... [changes]           Change user state: --read|--unread, --star|--unstar, --archive|--unarchive,
                                --tags a,b (replaces the tags), --collection C ("" to clear), --title T.
  delete ID...                  Move articles to the trash.
  restore ID...                 Restore articles from the trash.
  empty-trash                   Delete everything in the trash for good.
  move-library DIR              Move the library to an empty folder (verified copy; the old folder is kept).
  sources add URL [--folder F] [--interval MIN] [--title T] [--feed N] [--full-text [auto|always|never]]
                [--keep-days N|forever] [--photos on|off|library]
                                Subscribe to a feed, or to a site's feed (several: they are listed; choose
                                with --feed N). Its items are fetched at once; then every MIN minutes
                                (default 30) while serve or the desktop app runs.
  sources list                  Every source with its folder, interval, last success, last error, next refresh.
  sources refresh ID|--all|--folder F
                                Refresh now (conditional GET: an unchanged feed costs one 304).
  sources set ID [--title T] [--folder F] [--interval MIN] [--pause|--resume]
                                Rename, move (--folder "" for none), change the interval, pause or resume.
                                Also --full-text auto|always|never (fetch each item's page; auto: when the
                                feed's text is short), --keep-days N|forever|folder (retention) and
                                --photos on|off|library (keep the items' photos; library: as the setting).
  sources set --folder F --keep-days N|forever
                                A folder's retention, for its sources without their own.
  sources folders               Every folder with its retention.
  sources prune [ID]            Move items past their retention to the trash now (also after each refresh);
                                starred, archived, tagged, annotated or filed articles are never moved.
  sources remove ID --keep-articles|--trash-articles
                                Unsubscribe; its articles are kept or moved to the trash (never deleted).
  opml import FILE              Subscribe to the feeds of an OPML file, folders kept; problems by line.
  opml export [--out FILE]      Every source as OPML 2.0 with its folders; stdout without --out.
  watch add NAME QUERY [--source S] [--tag T] [--from D] [--to D] [--unread] [--star] [--notify]
                                Save a search under a name (QUERY may be "" for filters only).
  watch list                    Saved searches with their matches new since each was last opened.
  watch show NAME [--limit N]   A saved search's matches and its new count. watch remove NAME deletes it.
  archive connect URL [--desk D]
                                Link this library to a shared archive (postgres://reporter@server:5432/db
                                ?sslmode=require). The password comes from PGPASSFILE (~/.pgpass) or
                                PGPASSWORD, never the address. --desk: new articles are shared with D.
  archive status                Address, reporter, desks, last sync, changes waiting, problem.
  archive push|pull|sync        Push local changes, pull the archive's (what you may see), or both.
  archive search QUERY [--limit N]
                                Search the archive (Vietnamese-aware: dam phan finds đàm phán).
  archive save ARCHIVE_ID       Save an archive hit into this library (deduplicated like an import).
  archive share ANNOTATION_ID... --desk D|--private
                                Share your annotations with a desk, or make them private again.
  archive share-collection NAME --desk D [--stop]
                                Share a collection's articles (now and later) with a desk, or stop.
  archive default-desk D|--private   The desk new articles are shared with.
  archive history ANNOTATION_ID Older texts of an annotation's note that later edits replaced.
  archive disconnect [--discard-pending]
                                Unlink (refused while changes wait to be pushed); articles and notes stay.
  archive init URL              Admin: create or migrate the archive's schema, as its owner.
  archive desk create NAME --url URL
  archive desk add NAME ROLE --url URL [--password-stdin]
  archive desk remove NAME ROLE --url URL
                                Admin: make a desk; put a reporter on it (a new LOGIN role, its password
                                read from stdin); take one off.

Global options:
  --library DIR                 Library folder (default: $NEWSROOM_LIBRARY, else the desktop app's folder).
  --json                        Machine-readable output.
  --version                     Print the version.

Exit codes: 0 success, 1 some inputs failed (import, save, a source that failed to refresh, OPML problems,
            an archive sync that ended with a problem),
2 unusable arguments or an error (also: sources add found several feeds to choose from).
`;
