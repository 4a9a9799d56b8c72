package nl.vangnet.directory;

import java.util.Arrays;
import java.util.Optional;

/** What a person wants help with; organisations list the needs they serve. */
public enum HelpNeed {
    REMOVE_IMAGES("remove-images"),
    STOP_THREATS("stop-threats"),
    TALK("talk"),
    REPORT_POLICE("report-police"),
    KNOW_RIGHTS("know-rights"),
    NOT_SURE("not-sure");

    private final String code;

    HelpNeed(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<HelpNeed> of(String code) {
        return Arrays.stream(values()).filter(n -> n.code.equals(code)).findFirst();
    }
}
