package io.fenghuo.starter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

class ApiProblemsTest {

  record Period(int minutes) {}

  record Request(String note, List<Period> periods) {}

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final ApiProblems problems = new ApiProblems(meters, "test") {};

  @Test
  void aBodyOfTheWrongTypeNamesThePathItStoppedAt() {
    JacksonException jackson =
        catchThrowableOfType(
            JacksonException.class,
            () ->
                JsonMapper.builder()
                    .build()
                    .readValue(
                        "{\"note\":\"x\",\"periods\":[{\"minutes\":5},{\"minutes\":\"many\"}]}",
                        Request.class));

    ProblemDetail problem = problems.unreadable(notReadable(jackson));

    assertThat(problem.getStatus()).isEqualTo(400);
    assertThat(problem.getType().toString()).isEqualTo("https://fenghuo.io/problems/invalid-input");
    assertThat(problem.getDetail()).startsWith("periods[1].minutes: ");
    assertThat(errors(problem))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e)
                  .containsEntry("field", "periods[1].minutes")
                  .containsEntry("rule", "type");
            });
    assertThat(problem.getProperties()).containsEntry("field", "periods[1].minutes");
    assertThat(meters.counter("fenghuo.test.api.rejected", "reason", "invalid-input").count())
        .isEqualTo(1);
  }

  @Test
  void aBodyThatIsNoJsonAtAllSaysSo() {
    JacksonException jackson =
        catchThrowableOfType(
            JacksonException.class,
            () -> JsonMapper.builder().build().readValue("{not json", Request.class));

    ProblemDetail problem = problems.unreadable(notReadable(jackson));

    assertThat(errors(problem))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e).containsEntry("field", "").containsEntry("rule", "json");
            });
  }

  @Test
  void csvRowsAreNamedByRowAndColumnAndEveryRuleIsListed() {
    ProblemDetail problem =
        problems.invalid(
            "2 rule(s) broken",
            List.of(
                new ApiProblems.FieldError(3, "floor", "range", "floor out of range"),
                ApiProblems.FieldError.of("name", "required", "name is required")));

    assertThat(errors(problem)).hasSize(2);
    assertThat(errors(problem).get(0)).containsEntry("row", 3).containsEntry("column", "floor");
    assertThat(problem.getProperties()).doesNotContainKey("field");
  }

  @Test
  void otherRefusalsHaveTheirStatusAndType() {
    assertThat(problems.notFound("no such fault").getStatus()).isEqualTo(404);
    assertThat(problems.forbidden("not yours").getType().toString()).endsWith("/forbidden");
    assertThat(problems.conflict("already closed").getStatus()).isEqualTo(409);
    assertThat(meters.counter("fenghuo.test.api.rejected", "reason", "not-found").count())
        .isEqualTo(1);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> errors(ProblemDetail problem) {
    return (List<Map<String, Object>>) problem.getProperties().get("errors");
  }

  private static HttpMessageNotReadableException notReadable(Throwable cause) {
    return new HttpMessageNotReadableException(
        "unreadable", cause, new MockHttpInputMessage("{}".getBytes(StandardCharsets.UTF_8)));
  }
}
