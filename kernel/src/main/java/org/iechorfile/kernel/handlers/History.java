package org.iechorfile.kernel.handlers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.iechorfile.kernel.protocol.Replies;
import org.iechorfile.kernel.protocol.Requests;

/**
 * The cells run in this kernel process (session 1), answering {@code history_request} by tail,
 * range and glob search. Used on the shell thread only.
 */
public final class History {

  /** The session number this process's cells carry. */
  static final int SESSION = 1;

  private final List<Entry> entries = new ArrayList<>();

  /** One executed cell. */
  record Entry(int line, String input, String output) {}

  /** Records the cell run as execution {@code line}, with its text result. */
  public void add(int line, String input, String output) {
    entries.add(new Entry(line, input, output));
  }

  /** The {@code history_request} handler. */
  public Handler handler() {
    return exchange -> exchange.reply(answer(exchange.content(Requests.History.class)));
  }

  Replies.History answer(Requests.History request) {
    List<Entry> chosen;
    switch (request.histAccessType()) {
      case "range":
        chosen = range(request);
        break;
      case "search":
        chosen = search(request);
        break;
      default:
        chosen = last(entries, request.n());
        break;
    }
    List<List<Object>> rows = new ArrayList<>();
    for (Entry entry : chosen) {
      Object item = request.output() ? List.of(entry.input(), entry.output()) : entry.input();
      rows.add(List.of(SESSION, entry.line(), item));
    }
    return new Replies.History("ok", rows);
  }

  private List<Entry> range(Requests.History request) {
    if (request.session() != SESSION && request.session() != 0) {
      return List.of();
    }
    List<Entry> chosen = new ArrayList<>();
    for (Entry entry : entries) {
      if (entry.line() >= request.start() && entry.line() < request.stop()) {
        chosen.add(entry);
      }
    }
    return chosen;
  }

  private List<Entry> search(Requests.History request) {
    Pattern glob = glob(request.pattern());
    List<Entry> matching = new ArrayList<>();
    for (Entry entry : entries) {
      if (glob.matcher(entry.input()).matches()) {
        matching.add(entry);
      }
    }
    if (request.unique()) {
      Map<String, Entry> latest = new LinkedHashMap<>();
      for (Entry entry : matching) {
        latest.remove(entry.input());
        latest.put(entry.input(), entry);
      }
      matching = new ArrayList<>(latest.values());
    }
    return last(matching, request.n());
  }

  private static List<Entry> last(List<Entry> list, int n) {
    int from = Math.max(0, list.size() - Math.max(0, n));
    return List.copyOf(list.subList(from, list.size()));
  }

  /** A glob ({@code *} any text, {@code ?} one character) as a whole-text pattern. */
  static Pattern glob(String glob) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*') {
        regex.append(".*");
      } else if (c == '?') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }
}
