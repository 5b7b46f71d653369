package org.iechorfile.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iechorfile.engine.syntax.LineParser;

/**
 * A heredoc marker ({@code <<EOF}, {@code <<-"EOF"}, {@code 3<<EOF}) in an instruction's text.
 *
 * @param start index of the marker's first character in the logical line
 * @param end index after its last character
 * @param name the terminator word, quotes removed
 * @param chomp whether it is {@code <<-}, which lets the terminator be indented with tabs
 */
record HeredocMarker(int start, int end, String name, boolean chomp) {

  private static final Pattern MARKER = Pattern.compile("^(\\d*)<<(-?)\\s*([^<]*)$");
  private static final Pattern BARE = Pattern.compile("^\\d*<<-?$");

  /**
   * The markers of an instruction's logical line, in order. Marker words are found as the builder
   * finds them: by splitting the line into shell words with {@code \} as the escape, whatever the
   * file's escape character; a line with an unbalanced quote has none.
   */
  static List<HeredocMarker> find(String text) {
    List<HeredocMarker> markers = new ArrayList<>();
    if (!text.contains("<<") || hasUnbalancedQuote(text)) {
      return markers;
    }
    List<Word> words = Word.split(text, '\\');
    for (int w = 0; w < words.size(); w++) {
      Word word = words.get(w);
      int end = word.end();
      String candidate = word.text();
      if (BARE.matcher(candidate).matches() && w + 1 < words.size()) {
        end = words.get(w + 1).end();
        candidate = text.substring(word.start(), end);
        w++;
      }
      Matcher m = MARKER.matcher(candidate);
      if (m.matches() && !m.group(3).isEmpty()) {
        // The terminator as the line parser reads it, so that both always await the same word.
        Optional<String> name = LineParser.heredocTerminator(candidate);
        if (name.isPresent()) {
          markers.add(new HeredocMarker(word.start(), end, name.get(), !m.group(2).isEmpty()));
        }
      }
    }
    return markers;
  }

  private static boolean hasUnbalancedQuote(String text) {
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && quote != '\'') {
        i++;
      } else if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '"' || c == '\'') {
        quote = c;
      }
    }
    return quote != 0;
  }
}
