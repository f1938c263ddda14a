package dev.meridian.bench.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScaleCommandTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--dataplanes 0 | --dataplanes: 0 (expected: >= 2)",
        "--dataplanes x | Invalid value for option '--dataplanes': 'x' is not an int",
        "--rounds -1 | --rounds: -1 (expected: >= 1)",
        "--deadline 10 | --deadline: '10' (expected: a duration like 500ms, 90s, 10m)",
        "--nope | Unknown option: '--nope'"
      })
  void badInputExitsWithTwoAndSaysWhy(String args, String message) {
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = ScaleCommand.execute(args.split(" "));
    } finally {
      System.setErr(err);
    }
    assertThat(code).isEqualTo(2);
    assertThat(captured.toString(StandardCharsets.UTF_8)).startsWith(message);
  }
}
