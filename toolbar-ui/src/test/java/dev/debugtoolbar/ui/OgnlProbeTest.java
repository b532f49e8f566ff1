package dev.debugtoolbar.ui;
import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;
class OgnlProbeTest {
  public record R(String name, int count) {}
  @Test void probe() {
    TemplateEngine e = new TemplateEngine(); StringTemplateResolver r = new StringTemplateResolver(); r.setTemplateMode(TemplateMode.HTML); e.setTemplateResolver(r);
    Context c = new Context(); c.setVariable("r", new R("<b>x</b>", 3));
    System.out.println("OUT=" + e.process("<p th:text=\"${r.name}\"></p><p th:text=\"${r.count}\"></p>", c));
  }
}
