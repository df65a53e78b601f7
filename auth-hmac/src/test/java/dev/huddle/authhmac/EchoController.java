package dev.huddle.authhmac;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;

import java.util.Map;

/** A signed endpoint that reads its JSON body, to prove the body the filter hashed still reaches the controller. */
@Controller("/api/test-echo")
class EchoController {

    @Post
    Map<String, Object> echo(@Body Map<String, Object> body) {
        return body;
    }
}
