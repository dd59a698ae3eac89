package vn.baucu.platform.web;

import java.util.List;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Vietnamese first, English second: {@code ?lang=en} (the language switch) is remembered in a cookie;
 * without it, {@code Accept-Language} picks English or Vietnamese, and anything else gets Vietnamese.
 */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

    @org.springframework.beans.factory.annotation.Value("${baucu.files-dir:}")
    String extraDir;

    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    static final List<Locale> SUPPORTED = List.of(VIETNAMESE, Locale.ENGLISH);

    @Bean
    LocaleResolver localeResolver() {
        var resolver = new CookieLocaleResolver("baucu-lang");
        resolver.setDefaultLocaleFunction(request -> {
            String header = request.getHeader("Accept-Language");
            if (header == null || header.isBlank()) {
                return VIETNAMESE;
            }
            try {
                Locale match = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
                return match != null ? match : VIETNAMESE;
            } catch (IllegalArgumentException malformed) {
                return VIETNAMESE;
            }
        });
        return resolver;
    }

    /**
     * The static files, each folder mapped on its own ({@code spring.web.resources.add-mappings=false} turns off the
     * default {@code /**} mapping). With {@code /**}, every link a page builds ({@code @{...}}) went through the resource
     * chain as a possible static file and was looked up on the class path: 2.4 ms per link, 3.5 s for the published
     * results page of the 1,452 villages of Quảng Ninh.
     */
    @Override
    public void addResourceHandlers(org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry registry) {
        var day = org.springframework.http.CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePublic();
        registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(day).resourceChain(true)
                .addResolver(new org.springframework.web.servlet.resource.LiteWebJarsResourceResolver());
        registry.addResourceHandler("/css/**").addResourceLocations("classpath:/static/css/").setCacheControl(day)
                .resourceChain(true);
        registry.addResourceHandler("/js/**").addResourceLocations("classpath:/static/js/").setCacheControl(day)
                .resourceChain(true);
        registry.addResourceHandler("/img/**").addResourceLocations("classpath:/static/img/").setCacheControl(day)
                .resourceChain(true);
        if (extraDir != null && !extraDir.isBlank()) {
            // a folder of plain files served as they are (a mirror of downloads; the results benchmark's baseline)
            registry.addResourceHandler("/files/**")
                    .addResourceLocations(java.nio.file.Path.of(extraDir).toAbsolutePath().toUri().toString())
                    .setCacheControl(day);
        }
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        var change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }
}
