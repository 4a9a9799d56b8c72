package nl.vangnet.cases;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.vangnet.identity.Organisation;
import nl.vangnet.identity.OrganisationKind;
import nl.vangnet.identity.Role;
import nl.vangnet.identity.StaffManagement;

/**
 * The organisations and staff one case test works with, made through the real facades. A test
 * class names its team with a label (the organisations are "label Hulplijn", "label Zorg", ...) and
 * a username prefix, so test classes that share an application context and database never collide.
 * Organisations are made with the team; an account is made the first time it is asked for, once
 * per application context, with {@link CaseFixtures#PASSWORD}.
 *
 * <p>The members: {@code hanna} and {@code henk} (hotline), {@code carla} (care), {@code piet}
 * (police), {@code roos} (researcher), {@code otto} (another hotline) and {@code beheer}
 * (administrator).
 */
public final class CaseTeam {

    private static final Map<String, CaseTeam> TEAMS = new ConcurrentHashMap<>();

    public final Organisation hotline;
    public final Organisation care;
    public final Organisation police;
    public final Organisation research;
    public final Organisation otherHotline;
    public final Organisation administration;

    private final StaffManagement staff;
    private final String prefix;
    private final Map<String, String> accounts = new ConcurrentHashMap<>();

    private CaseTeam(StaffManagement staff, String label, String prefix) {
        this.staff = staff;
        this.prefix = prefix;
        this.hotline = CaseFixtures.organisation(staff, label + " Hulplijn", OrganisationKind.HOTLINE);
        this.care = CaseFixtures.organisation(staff, label + " Zorg", OrganisationKind.CARE);
        this.police = CaseFixtures.organisation(staff, label + " Politie", OrganisationKind.POLICE);
        this.research = CaseFixtures.organisation(staff, label + " Onderzoek", OrganisationKind.RESEARCH);
        this.otherHotline = CaseFixtures.organisation(staff, label + " Ander", OrganisationKind.HOTLINE);
        this.administration = CaseFixtures.organisation(staff, label + " Beheer", OrganisationKind.ADMINISTRATION);
    }

    /** The team with this label in the application context that {@code staff} belongs to. */
    public static CaseTeam of(StaffManagement staff, String label, String prefix) {
        return TEAMS.computeIfAbsent(
                label + "/" + prefix + "@" + System.identityHashCode(staff), key -> new CaseTeam(staff, label, prefix));
    }

    /** The member's username (prefix + name), their account made on first use. */
    public String user(String member) {
        return accounts.computeIfAbsent(member, name -> switch (name) {
            case "hanna", "henk" -> CaseFixtures.account(staff, prefix + name, hotline, Role.HOTLINE);
            case "carla" -> CaseFixtures.account(staff, prefix + name, care, Role.CARE);
            case "piet" -> CaseFixtures.account(staff, prefix + name, police, Role.POLICE);
            case "roos" -> CaseFixtures.account(staff, prefix + name, research, Role.RESEARCHER);
            case "otto" -> CaseFixtures.account(staff, prefix + name, otherHotline, Role.HOTLINE);
            case "beheer" -> CaseFixtures.account(staff, prefix + name, administration, Role.ADMIN);
            default -> throw new IllegalArgumentException("No team member " + name);
        });
    }

    /** A Dutch-speaking client logged in as the member. */
    public StaffClient login(int port, String member) {
        return StaffClient.loggedIn(port, user(member), CaseFixtures.PASSWORD);
    }

    /** A client logged in as the member, asking for pages in the given language. */
    public StaffClient login(int port, String member, String language) {
        StaffClient client = new StaffClient(port, language);
        client.logIn(user(member), CaseFixtures.PASSWORD);
        return client;
    }

    /** Portal requests go to the team's hotline; the police and care organisations are the directory's. */
    public CaseTeam receivesPortalRequests(OrganisationLinks links) {
        links.setPortalReceiver(hotline.id());
        links.link(police.id(), "politie");
        links.link(care.id(), "csg");
        return this;
    }
}
