package cn.hotline.testsupport;

/** One hostile request of the corpus: what it tries, where it goes and the raw bytes it sends (null body: none). */
public record HostileCase(String name, String method, String pathAndQuery, String contentType, byte[] body) {

    /** How the case reads in a report: the name, the target and the start of the body. */
    public String describe() {
        String shown = body == null ? "(no body)" : new String(body, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (shown.length() > 160) {
            shown = shown.substring(0, 160) + "…(" + body.length + " bytes)";
        }
        String target = pathAndQuery.length() > 200 ? pathAndQuery.substring(0, 200) + "…" : pathAndQuery;
        return (name + ": " + method + " " + target + " [" + contentType + "] " + shown).replaceAll("\\p{Cntrl}", "?");
    }
}
