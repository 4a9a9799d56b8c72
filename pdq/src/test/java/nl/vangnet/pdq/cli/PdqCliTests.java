package nl.vangnet.pdq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.vangnet.pdq.PdqHash;
import nl.vangnet.pdq.TestVectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdqCliTests {

    /** Output of one run of the command line. */
    private record Run(int status, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    private static Run run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = PdqCli.run(
                args,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void hashPrintsReferenceCsvLinesForEachFile() {
        String wee = TestVectors.image("wee.jpg").toString();
        String small = TestVectors.image("small.jpg").toString();

        Run run = run("", "hash", wee, small);

        assertThat(run.status()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.lines())
                .containsExactly(
                        "6227401f601ff4ccafcc9fad4b0d95d371a2eb7265a3285234d228ca94deeb2d,100," + wee,
                        "0007001f003f003f007f00ff00ff00ff01ff01ff01ff03ff03ff03ff03ff03ff,0," + small);
    }

    @Test
    void hashReportsEachBadFileOnStandardErrorAndFailsAtTheEnd(@TempDir Path dir) throws IOException {
        Path text = Files.writeString(dir.resolve("notes.txt"), "not an image");
        String wee = TestVectors.image("wee.jpg").toString();

        Run run = run("", "hash", dir.resolve("missing.jpg").toString(), text.toString(), wee);

        assertThat(run.status()).isEqualTo(PdqCli.INPUT_FAILED);
        assertThat(run.lines()).hasSize(1).allSatisfy(line -> assertThat(line).endsWith(",100," + wee));
        assertThat(run.err().lines().toList())
                .hasSize(2)
                .anySatisfy(line -> assertThat(line).contains("missing.jpg").contains("no such file"))
                .anySatisfy(line -> assertThat(line).contains("notes.txt").contains("Not a recognised image"));
    }

    @Test
    void hashWithDihedralPrintsAllEightVariants() {
        String original = TestVectors.image("dih/bridge-1-original.jpg").toString();

        Run run = run("", "hash", "--dihedral", original);

        assertThat(run.status()).isZero();
        assertThat(run.lines()).hasSize(8);
        assertThat(run.lines().get(0)).endsWith(",100," + original + ",original");
        assertThat(run.lines().get(7)).endsWith(",flip_minus_1");
    }

    @Test
    void matchPrintsEveryIndexedHashWithinTheRadius() {
        Path haystack = TestVectors.hashList("haystack.txt");
        List<PdqHash> hay = TestVectors.hashes("haystack.txt");
        List<PdqHash> needles = TestVectors.hashes("needles.txt");
        String stdin = String.join("\n", needles.stream().map(PdqHash::toHex).toList()) + "\n";
        long expected = needles.stream()
                .mapToLong(n ->
                        hay.stream().filter(h -> h.hammingDistance(n) <= 20).count())
                .sum();

        Run run = run(stdin, "match", "--index", haystack.toString(), "--radius", "20");

        assertThat(run.status()).isZero();
        assertThat(run.lines()).hasSize((int) expected).allSatisfy(line -> {
            String[] fields = line.split(",");
            int distance = PdqHash.fromHex(fields[0]).hammingDistance(PdqHash.fromHex(fields[1]));
            assertThat(Integer.parseInt(fields[2])).isEqualTo(distance).isLessThanOrEqualTo(20);
        });
        assertThat(expected).isPositive();
    }

    @Test
    void matchReportsMalformedQueriesAndCarriesOn() {
        String hay = TestVectors.hashList("haystack.txt").toString();
        String first = TestVectors.hashes("haystack.txt").get(0).toHex();

        Run run = run("not-a-hash\n\n# comment\n" + first + "\n", "match", "--index", hay, "--radius", "0");

        assertThat(run.status()).isEqualTo(PdqCli.INPUT_FAILED);
        assertThat(run.err()).contains("line 1").contains("64 hex characters");
        assertThat(run.lines()).contains(first + "," + first + ",0");
    }

    @Test
    void matchRejectsAnIndexFileWithABadLine(@TempDir Path dir) throws IOException {
        Path index = Files.writeString(dir.resolve("index.txt"), "0".repeat(64) + "\nxyz\n");

        Run run = run("", "match", "--index", index.toString());

        assertThat(run.status()).isEqualTo(PdqCli.INPUT_FAILED);
        assertThat(run.err()).contains("line 2");
    }

    @Test
    void helpGoesToStandardOutput() {
        Run run = run("", "--help");

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("Usage:").contains("hash").contains("match");
    }

    @Test
    void usageErrorsExitWithTwoAndPointAtHelp() {
        assertThat(run("").status()).isEqualTo(PdqCli.USAGE);
        assertThat(run("", "frobnicate"))
                .satisfies(r -> assertThat(r.status()).isEqualTo(PdqCli.USAGE))
                .satisfies(r -> assertThat(r.err())
                        .contains("unknown command 'frobnicate'")
                        .contains("--help"));
        assertThat(run("", "hash").err()).contains("at least one FILE");
        assertThat(run("", "hash", "--fast", "x.jpg").err()).contains("unknown option '--fast'");
        assertThat(run("", "match").err()).contains("--index FILE");
        assertThat(run("", "match", "--index").err()).contains("--index needs a value");
        assertThat(run("", "match", "--index", "x", "--radius", "many").err()).contains("whole number");
        assertThat(run("", "match", "--index", "x", "--radius", "300").status()).isEqualTo(PdqCli.USAGE);
    }
}
