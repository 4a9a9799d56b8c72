package nl.vangnet.cases;

/** Someone else changed the case (or incident) since it was read: nothing was overwritten. */
public class CaseChanged extends RuntimeException {
    public CaseChanged() {
        super("changed by someone else", null, false, false);
    }
}
