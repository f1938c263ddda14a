package dev.meridian.ctl;

import dev.meridian.common.codec.ParsedResource;
import dev.meridian.common.codec.ResourceReader;
import dev.meridian.common.resource.Resource;
import dev.meridian.common.resource.ValidationContext;
import dev.meridian.common.validation.ValidationResult;
import dev.meridian.common.validation.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * InputFiles reads the files given with {@code -f}, validates every resource in them against the
 * others (a TrafficTrace against the Mesh it names) and prints one line per problem.
 */
final class InputFiles {
  /** Larger files are refused: no tracing manifest comes near this. */
  static final long MAX_BYTES = 8L * 1024 * 1024;

  private InputFiles() {}

  /** The outcome: every resource read, and whether all files were readable and valid. */
  record Loaded(List<Resource> resources, int errors, int warnings, List<FileResult> files) {
    Loaded {
      resources = List.copyOf(resources);
      files = List.copyOf(files);
    }

    boolean ok() {
      return errors == 0;
    }
  }

  /** One file's resources in document order, and how many errors it has. */
  record FileResult(String file, List<Resource> resources, int errors) {
    FileResult {
      resources = List.copyOf(resources);
    }

    boolean ok() {
      return errors == 0;
    }
  }

  static Loaded load(List<String> files, InputStream stdin, PrintWriter err) {
    return load(files, stdin, err, true);
  }

  /**
   * Reads and validates; {@code printWarnings} is false for {@code apply}, where the control plane
   * answers with its own warnings and printing both would repeat them.
   */
  static Loaded load(
      List<String> files, InputStream stdin, PrintWriter err, boolean printWarnings) {
    List<Resource> resources = new ArrayList<>();
    List<Named> documents = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      String file = files.get(i);
      try {
        for (ParsedResource parsed : ResourceReader.read(read(file, stdin))) {
          documents.add(new Named(i, file, parsed, null));
          if (parsed.resource() != null) {
            resources.add(parsed.resource());
          }
        }
      } catch (IOException e) {
        documents.add(new Named(i, file, null, e.getMessage()));
      }
    }
    // Validate after reading everything, so a policy is checked against a Mesh in another file;
    // report in file order.
    ValidationContext context = (type, mesh, name) -> find(resources, type, mesh, name);
    int errors = 0;
    int warnings = 0;
    // By position, not name: a file given twice is read and applied twice, like kubectl.
    List<List<Resource>> byFile = new ArrayList<>();
    int[] errorsByFile = new int[files.size()];
    files.forEach(f -> byFile.add(new ArrayList<>()));
    for (Named doc : documents) {
      int before = errors;
      if (doc.parsed == null) {
        err.println(doc.file + ": " + doc.unreadable);
        errors++;
      } else {
        ValidationResult result = doc.parsed.validate(context);
        for (Violation v : result.errors()) {
          err.println(doc.file + ": " + doc.parsed.describe() + ": " + v);
          errors++;
        }
        for (Violation v : result.warnings()) {
          if (printWarnings) {
            err.println(doc.file + ": " + doc.parsed.describe() + ": warning: " + v);
          }
          warnings++;
        }
        if (doc.parsed.resource() != null) {
          byFile.get(doc.fileIndex).add(doc.parsed.resource());
        }
      }
      errorsByFile[doc.fileIndex] += errors - before;
    }
    err.flush();
    List<FileResult> results = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      results.add(new FileResult(files.get(i), byFile.get(i), errorsByFile[i]));
    }
    return new Loaded(resources, errors, warnings, results);
  }

  /** A document of a file, or the reason the file could not be read. */
  private record Named(int fileIndex, String file, ParsedResource parsed, String unreadable) {}

  private static Optional<Resource> find(
      List<Resource> resources, String type, String mesh, String name) {
    return resources.stream()
        .filter(r -> r.type().name().equals(type) && r.mesh().equals(mesh))
        .filter(r -> r.name().equals(name))
        .findFirst();
  }

  private static String read(String file, InputStream stdin) throws IOException {
    byte[] bytes;
    if ("-".equals(file)) {
      bytes = stdin.readNBytes((int) MAX_BYTES + 1);
    } else {
      Path path = Path.of(file);
      try {
        if (Files.isDirectory(path)) {
          throw new IOException("is a directory; give the files in it");
        }
        if (Files.size(path) > MAX_BYTES) {
          throw tooLarge();
        }
        bytes = Files.readAllBytes(path);
      } catch (NoSuchFileException e) {
        throw new IOException("no such file");
      }
    }
    if (bytes.length > MAX_BYTES) {
      throw tooLarge();
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IOException("is not UTF-8 text");
    }
  }

  private static IOException tooLarge() {
    return new IOException("is larger than " + MAX_BYTES / (1024 * 1024) + " MiB; split it");
  }
}
