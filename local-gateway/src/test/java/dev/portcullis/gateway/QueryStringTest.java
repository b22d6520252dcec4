package dev.portcullis.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Query strings are decoded as a gateway must: leniently, never failing on what a client typed. */
class QueryStringTest {

  @Test
  void repeated_parameters_keep_every_value_in_order() {
    QueryString query = QueryString.parse("a=1&b=x&a=2&flag");

    assertThat(query.parameters().get("a")).isEqualTo(List.of("1", "2"));
    assertThat(query.last("a")).isEqualTo("2");
    assertThat(query.joined("a")).isEqualTo("1,2");
    assertThat(query.last("flag")).isEmpty();
  }

  @Test
  void escapes_are_decoded_and_a_malformed_one_is_kept() {
    QueryString query = QueryString.parse("q=caf%C3%A9+au+lait&bad=100%&odd=%zz");

    assertThat(query.last("q")).isEqualTo("café au lait");
    assertThat(query.last("bad")).isEqualTo("100%");
    assertThat(query.last("odd")).isEqualTo("%zz");
  }

  @Test
  void no_query_is_an_empty_one() {
    assertThat(QueryString.parse(null).isEmpty()).isTrue();
    assertThat(QueryString.parse(null).raw()).isEmpty();
  }
}
