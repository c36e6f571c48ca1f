package dev.smokegate.it;

/**
 * Generated blocks in the site's Markdown pages: the text between {@code <!-- NAME -->} and
 * {@code <!-- /NAME -->}, each marker on its own line.
 */
final class SiteBlocks {
    private SiteBlocks() {}

    /**
     * @param page the page's text
     * @param name the block's name
     * @param body the new text of the block, ending with a newline
     * @return the page with the block's text replaced
     * @throws IllegalStateException if the page lacks either marker
     */
    static String replace(String page, String name, String body) {
        int[] span = span(page, name);
        return page.substring(0, span[0]) + body + page.substring(span[1]);
    }

    /**
     * @param page the page's text
     * @param name the block's name
     * @return the text between the block's markers
     * @throws IllegalStateException if the page lacks either marker
     */
    static String body(String page, String name) {
        int[] span = span(page, name);
        return page.substring(span[0], span[1]);
    }

    private static int[] span(String page, String name) {
        String open = "<!-- " + name + " -->\n";
        String close = "<!-- /" + name + " -->";
        int start = page.indexOf(open);
        int end = page.indexOf(close);
        if (start < 0 || end < start) {
            throw new IllegalStateException("the page has no block " + open.strip() + " … " + close
                    + ". Add both markers, each on its own line, where the table belongs.");
        }
        return new int[] {start + open.length(), end};
    }

    /** A Markdown table cell: {@code |} and {@code <} escaped, so no text can break the table. */
    static String cell(String text) {
        return text.replace("|", "\\|").replace("<", "&lt;");
    }
}
