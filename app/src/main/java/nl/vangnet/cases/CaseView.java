package nl.vangnet.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.vangnet.identity.OrganisationId;
import org.jspecify.annotations.Nullable;

/**
 * A case as one reader may see it: only the parts their organisation owns or a consent covers are
 * filled in; the others are empty and {@link #parts()} says which is which.
 */
public record CaseView(
        CaseSummary summary,
        Set<CasePart> parts,
        @Nullable String narrative,
        @Nullable String contact,
        @Nullable String portalContact,
        List<Incident> incidents,
        List<Note> notes,
        List<Task> tasks,
        List<Consent> consents,
        List<StatusChange> history,
        List<Message> messages,
        boolean fromHelpRequest,
        boolean messagingPossible,
        @Nullable VictimAccount account) {

    public CaseView {
        parts = Set.copyOf(parts);
        incidents = List.copyOf(incidents);
        notes = List.copyOf(notes);
        tasks = List.copyOf(tasks);
        consents = List.copyOf(consents);
        history = List.copyOf(history);
        messages = List.copyOf(messages);
    }

    public boolean sees(CasePart part) {
        return parts.contains(part);
    }

    public boolean owner() {
        return summary.owner();
    }

    public CaseId id() {
        return summary.id();
    }

    public int version() {
        return summary.version();
    }

    /** An internal note of the reader's organisation. */
    public record Note(UUID id, String authorName, String text, Instant at) {}

    /**
     * A task of the reader's organisation.
     *
     * @param title what staff typed; empty for a task the application added
     * @param kind the kind of a task the application added (see {@link SystemTask}), else null
     */
    public record Task(
            UUID id,
            String title,
            LocalDate dueOn,
            @Nullable Instant doneAt,
            @Nullable String doneBy,
            @Nullable String kind) {
        public boolean done() {
            return doneAt != null;
        }

        public boolean overdue(LocalDate today) {
            return doneAt == null && dueOn.isBefore(today);
        }
    }

    /** A recorded consent to share the case with an organisation. */
    public record Consent(
            UUID id,
            OrganisationId organisationId,
            String organisationName,
            Set<CasePart> parts,
            String basis,
            ConsentHow how,
            String recordedBy,
            Instant grantedAt,
            @Nullable Instant withdrawnAt) {
        public Consent {
            parts = Set.copyOf(parts);
        }

        public boolean active() {
            return withdrawnAt == null;
        }
    }

    /** One step in the status history. */
    public record StatusChange(
            @Nullable CaseStatus from,
            CaseStatus to,
            @Nullable ClosingReason closingReason,
            String changedBy,
            Instant at) {}

    /**
     * What the victim told through the portal, for readers who may see the narrative: the codes of
     * what they need, what makes asking for help hard and whom they have told, and what they wrote in
     * their own words (null when nothing).
     */
    public record VictimAccount(
            List<String> needs,
            List<String> barriers,
            List<String> told,
            @Nullable String ownWords) {
        public VictimAccount {
            needs = List.copyOf(needs);
            barriers = List.copyOf(barriers);
            told = List.copyOf(told);
        }

        public boolean isEmpty() {
            return needs.isEmpty() && barriers.isEmpty() && told.isEmpty() && ownWords == null;
        }
    }

    /** A message between the victim and a professional (stored by the intake module). */
    public record Message(boolean fromVictim, @Nullable String authorLabel, String text, Instant at) {}
}
