package nl.vangnet.pdq.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.vangnet.pdq.Dihedral;
import nl.vangnet.pdq.Pdq;
import nl.vangnet.pdq.PdqDihedralResult;
import nl.vangnet.pdq.PdqHash;
import nl.vangnet.pdq.PdqHasher;
import nl.vangnet.pdq.PdqIndex;
import nl.vangnet.pdq.PdqMatch;
import nl.vangnet.pdq.PdqResult;

/**
 * Command-line front end: hash image files, or match hashes against a list.
 *
 * <p>Meant for platforms and researchers who want to try Vangnet's hashing without writing Java,
 * and for checking the library against the reference tools: {@code hash} prints the same
 * {@code hash,quality,file} lines as the reference CSV files. Results go to standard output and
 * problems to standard error, one line per failed file, so the output can be piped; the exit code
 * is 0 when everything worked, 1 when some input failed and 2 for a usage error. A file that fails
 * (including one too large for the Java heap, see {@code NotEnoughMemoryException}) never stops
 * the batch: the remaining files are still hashed.
 */
public final class PdqCli {

    static final int OK = 0;
    static final int INPUT_FAILED = 1;
    static final int USAGE = 2;

    private static final String HELP = """
            Usage:
              java -jar vangnet-pdq.jar hash [--dihedral] FILE...
                  Prints "hash,quality,file" for each image (JPEG, PNG, GIF, BMP).
                  With --dihedral, prints "hash,quality,file,variant" for all eight
                  rotations and mirror images.
              java -jar vangnet-pdq.jar match --index FILE [--radius R]
                  Reads query hashes (64 hex characters, one per line) from standard input
                  and prints "query,match,distance" for every hash in the index FILE
                  (one hash per line; text after the first comma or space is ignored)
                  within distance R (0..256, default 31).
              java -jar vangnet-pdq.jar match-remote --url BASE [--key-env VAR] [FILE...]
                  Asks a Vangnet server (POST BASE/api/v1/match) about the images FILE...
                  (hashed here) or, without files, the hashes on standard input; prints
                  "query,bank,reference,distance" per match. The API key is read from the
                  environment variable VAR (default VANGNET_API_KEY).
              java -jar vangnet-pdq.jar --help

            Exit status: 0 success, 1 some input could not be read, 2 usage error.
            A file that cannot be hashed (not an image, damaged, over the limits, or
            too large for the Java heap: "Not enough memory ...", retry with a larger
            -Xmx) is reported on standard error and the other files are still hashed.
            """;

    private PdqCli() {}

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    /** Runs the command line with the given streams and returns the exit status. */
    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.print(HELP);
            return USAGE;
        }
        String command = args[0];
        List<String> rest = List.of(args).subList(1, args.length);
        try {
            return switch (command) {
                case "--help", "-h", "help" -> {
                    out.print(HELP);
                    yield OK;
                }
                case "hash" -> hash(rest, out, err);
                case "match" -> match(rest, in, out, err);
                case "match-remote" -> MatchRemote.run(rest, in, out, err, System.getenv());
                default -> throw new UsageException("unknown command '" + command + "'");
            };
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println("Run with --help for usage.");
            return USAGE;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static int hash(List<String> args, PrintStream out, PrintStream err) {
        boolean dihedral = false;
        List<String> files = new ArrayList<>();
        boolean optionsEnded = false;
        for (String arg : args) {
            if (!optionsEnded && arg.equals("--")) {
                optionsEnded = true;
            } else if (!optionsEnded && arg.equals("--dihedral")) {
                dihedral = true;
            } else if (!optionsEnded && arg.startsWith("--")) {
                throw new UsageException("unknown option '" + arg + "' for hash");
            } else {
                files.add(arg);
            }
        }
        if (files.isEmpty()) {
            throw new UsageException("hash needs at least one FILE");
        }
        PdqHasher hasher = Pdq.hasher();
        int status = OK;
        for (String file : files) {
            try {
                if (dihedral) {
                    PdqDihedralResult result = hasher.hashDihedral(Path.of(file));
                    for (Dihedral variant : Dihedral.values()) {
                        out.println(result.hash(variant).toHex() + "," + result.quality() + "," + file + ","
                                + variant.name().toLowerCase(java.util.Locale.ROOT));
                    }
                } else {
                    PdqResult result = hasher.hash(Path.of(file));
                    out.println(result.hash().toHex() + "," + result.quality() + "," + file);
                }
            } catch (NoSuchFileException e) {
                err.println("error: " + file + ": no such file");
                status = INPUT_FAILED;
            } catch (IOException | RuntimeException e) {
                // Includes NotEnoughMemoryException: the library has released the memory again.
                err.println("error: " + file + ": " + e.getMessage());
                status = INPUT_FAILED;
            } catch (OutOfMemoryError e) {
                // The library turns running out of heap while decoding into NotEnoughMemoryException;
                // this is the last line of defence, so that one file never ends the whole batch.
                err.println("error: " + file + ": not enough memory to hash this image (Java heap at most "
                        + Runtime.getRuntime().maxMemory() / 1_000_000 + " MB)");
                status = INPUT_FAILED;
            }
        }
        return status;
    }

    private static int match(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        String indexFile = null;
        int radius = PdqIndex.DEFAULT_MATCH_DISTANCE;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--index" -> indexFile = value(args, ++i, "--index");
                case "--radius" -> radius = radius(value(args, ++i, "--radius"));
                default -> throw new UsageException("unknown argument '" + arg + "' for match");
            }
        }
        if (indexFile == null) {
            throw new UsageException("match needs --index FILE");
        }
        PdqIndex index;
        try {
            index = loadIndex(Path.of(indexFile));
        } catch (NoSuchFileException e) {
            err.println("error: " + indexFile + ": no such file");
            return INPUT_FAILED;
        } catch (IOException | IllegalArgumentException e) {
            err.println("error: " + indexFile + ": " + e.getMessage());
            return INPUT_FAILED;
        }
        int status = OK;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                PdqHash query;
                try {
                    query = PdqHash.fromHex(firstField(text));
                } catch (IllegalArgumentException e) {
                    err.println("error: standard input line " + lineNumber + ": " + e.getMessage());
                    status = INPUT_FAILED;
                    continue;
                }
                for (PdqMatch match : index.search(query, radius)) {
                    out.println(query.toHex() + "," + match.hash().toHex() + "," + match.distance());
                }
            }
        } catch (IOException e) {
            err.println("error: reading standard input: " + e.getMessage());
            return INPUT_FAILED;
        }
        return status;
    }

    /** One hash per line; blank lines and lines starting with '#' are skipped. */
    static PdqIndex loadIndex(Path file) throws IOException {
        PdqIndex.Builder builder = Pdq.indexBuilder();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                try {
                    builder.add(lineNumber, PdqHash.fromHex(firstField(text)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("line " + lineNumber + ": " + e.getMessage(), e);
                }
            }
        }
        return builder.build();
    }

    private static String firstField(String line) {
        int end = 0;
        while (end < line.length() && line.charAt(end) != ',' && !Character.isWhitespace(line.charAt(end))) {
            end++;
        }
        return line.substring(0, end);
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new UsageException(option + " needs a value");
        }
        return args.get(i);
    }

    private static int radius(String value) {
        int radius;
        try {
            radius = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new UsageException("--radius must be a whole number, got '" + value + "'");
        }
        if (radius < 0 || radius > 256) {
            throw new UsageException("--radius must be in 0..256, got " + radius);
        }
        return radius;
    }

    /** A mistake in the command line itself, reported with a hint to read the help. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
