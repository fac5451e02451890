package io.fenghuo.unit.archive.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fenghuo.unit.archive.ArchiveException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CsvTest {

  private static final Set<String> KNOWN = Set.of("name", "address", "phone");

  @Test
  void readsQuotedCommasQuotesAndLineBreaksAndNumbersRowsLikeASpreadsheet() {
    Csv csv =
        Csv.parse(
            "\uFEFFname,address\r\n\"A, B\",\"say \"\"hi\"\"\"\r\n\r\nC,\"two\nlines\"\r\n",
            KNOWN,
            Set.of("name"));

    assertThat(csv.rows()).hasSize(2);
    assertThat(csv.rows().get(0).get("name")).isEqualTo("A, B");
    assertThat(csv.rows().get(0).get("address")).isEqualTo("say \"hi\"");
    assertThat(csv.rows().get(0).number()).isEqualTo(2);
    assertThat(csv.rows().get(1).get("address")).isEqualTo("two\nlines");
    assertThat(csv.rows().get(1).number()).isEqualTo(4);
  }

  @Test
  void missingTrailingCellsAreEmpty() {
    Csv csv = Csv.parse("name,address,phone\nA\n", KNOWN, Set.of());

    assertThat(csv.rows().get(0).get("phone")).isNull();
  }

  @Test
  void refusesAnUnclosedQuote() {
    assertThatThrownBy(() -> Csv.parse("name\n\"open\n", KNOWN, Set.of()))
        .isInstanceOf(ArchiveException.Invalid.class)
        .hasMessageContaining("not closed");
  }

  @Test
  void refusesARowWithMoreCellsThanTheHeader() {
    assertThatThrownBy(() -> Csv.parse("name\nA,B\n", KNOWN, Set.of()))
        .isInstanceOf(ArchiveException.Invalid.class);
  }
}
