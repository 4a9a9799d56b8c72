package nl.vangnet.directory;

/** How someone can reach an organisation. */
public enum ChannelType {
    PHONE,
    CHAT,
    FORM,
    WALK_IN;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
