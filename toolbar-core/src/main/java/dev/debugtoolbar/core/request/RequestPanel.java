package dev.debugtoolbar.core.request;

import dev.debugtoolbar.core.RecordBudget;
import dev.debugtoolbar.core.RequestContext;
import dev.debugtoolbar.core.RequestView;
import dev.debugtoolbar.core.internal.Masking;
import dev.debugtoolbar.core.internal.Text;
import dev.debugtoolbar.core.panel.Panel;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The built-in Request panel. Of each list (parameters, cookies, session attributes) it keeps the first
 * {@value #MAX_LIST_BYTES} bytes' worth, within the record's {@link RecordBudget}, and counts the others; names
 * are cut to {@value #MAX_NAME_CHARS} characters (after masking has judged the whole name), values to a preview.
 */
public final class RequestPanel implements Panel<RequestStats> {

    private static final Pattern SCHEME_AND_HOST = Pattern.compile("^[a-zA-Z]+://[^/]+");
    private static final int MAX_LIST_BYTES = 64 * 1024;
    private static final int MAX_NAME_CHARS = 256;
    private static final int MAX_URL_CHARS = 4_096;

    private final Masking masking;

    /** A panel that masks what {@code masking} calls sensitive. */
    public RequestPanel(Masking masking) {
        this.masking = masking;
    }

    @Override
    public String id() {
        return "request";
    }

    @Override
    public String title() {
        return "Request";
    }

    @Override
    public RequestStats onRequestEnd(RequestContext context) {
        RequestView request = context.request();
        Lists lists = new Lists(context.budget());
        return new RequestStats(request.method(), Text.cut(request.url(), MAX_URL_CHARS),
                Text.cut(request.query(), MAX_URL_CHARS), request.remoteAddress(),
                lists.keep(masking.entries(request.queryParameters())),
                lists.keep(masking.entries(request.formParameters())),
                lists.keep(masking.singleEntries(request.cookies(), false)),
                lists.keep(masking.singleEntries(request.sessionAttributes(), true)), lists.omitted);
    }

    /** Keeps the first entries of each list within its bound and the record's budget, and counts the others. */
    private static final class Lists {
        private final RecordBudget budget;
        private int omitted;

        Lists(RecordBudget budget) {
            this.budget = budget;
        }

        List<RequestStats.Entry> keep(List<RequestStats.Entry> entries) {
            if (entries.isEmpty()) {
                return entries;
            }
            List<RequestStats.Entry> kept = new ArrayList<>(entries.size());
            long bytes = 0;
            for (RequestStats.Entry entry : entries) {
                String name = Text.cut(entry.name(), MAX_NAME_CHARS);
                long entryBytes = RecordBudget.ENTRY_BYTES + RecordBudget.bytes(name)
                        + RecordBudget.bytes(entry.value()) + RecordBudget.bytes(entry.type());
                if (bytes + entryBytes > MAX_LIST_BYTES || !budget.take(entryBytes)) {
                    omitted += entries.size() - kept.size();
                    break;
                }
                bytes += entryBytes;
                kept.add(name == entry.name() ? entry
                        : new RequestStats.Entry(name, entry.value(), entry.type(), entry.masked()));
            }
            return kept;
        }
    }

    @Override
    public String subtitle(RequestStats stats) {
        return stats.method() + " " + Text.cut(SCHEME_AND_HOST.matcher(stats.url()).replaceFirst(""), 40);
    }

    @Override
    public String template() {
        return "dev/debugtoolbar/ui/panels/request.html";
    }
}
