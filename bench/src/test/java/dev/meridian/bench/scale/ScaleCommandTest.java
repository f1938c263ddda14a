package dev.meridian.bench.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScaleCommandTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--dataplanes 0 | --dataplanes: 0 (expected: >= 2)",
        "--dataplanes 65537 | --dataplanes: 65537 (expected: <= 65536)",
        "--dataplanes x | Invalid value for option '--dataplanes': 'x' is not an int",
        "--rounds -1 | --rounds: -1 (expected: >= 1)",
        "--warmup -1 | --warmup: -1 (expected: >= 0)",
        "--replicated-writes -5 | --replicated-writes: -5 (expected: >= 0)",
        "--replicated-writes many | Invalid value for option '--replicated-writes': 'many' is not an int",
        "--deadline 10 | --deadline: '10' (expected: a duration like 500ms, 90s, 10m)",
        "--nope | Unknown option: '--nope'"
      })
  void badInputExitsWithTwoAndSaysWhy(String args, String message) {
    assertExitsWithTwo(message, args.split(" "));
  }

  @Test
  void refusesAnOutputDirectoryThatHoldsARun(@TempDir Path out) throws IOException {
    Files.createDirectory(out.resolve("nodes"));
    assertExitsWithTwo(
        "--out: " + out + " already holds a run (nodes/); choose another directory or delete it",
        "--out",
        out.toString());
  }

  private static void assertExitsWithTwo(String message, String... args) {
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = ScaleCommand.execute(args);
    } finally {
      System.setErr(err);
    }
    assertThat(code).isEqualTo(2);
    assertThat(captured.toString(StandardCharsets.UTF_8)).startsWith(message);
  }
}
