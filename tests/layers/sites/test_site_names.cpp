#include "layers/sites/site_names.hpp"

#include <catch2/catch.hpp>

using namespace depmap;
using layers::site_name;
using layers::site_name_key;

TEST_CASE("site names: case, punctuation, diacritics, notes and generic words aside", "[layers][sites]") {
    CHECK(site_name_key("Bayan Obo") == "bayanobo");
    CHECK(site_name_key("  BAYAN-OBO deposit ") == "bayanobo");
    CHECK(site_name_key("Bayan Obo (Baotou)") == "bayanobo");
    CHECK(site_name_key("Bayan Obo Mine") == "bayanobo");
    CHECK(site_name_key("Huogeqi Copper Deposit") == "huogeqi");
    CHECK(site_name_key("Inner Mongolia Wulanqu Coal Mine") == "wulanqu");
    CHECK(site_name_key("Yidong Group Lijiata Coal Mine") == "yidonglijiata");
    CHECK(site_name_key("Mo'ergou Coal Mine") == "moergou");
    CHECK(site_name_key("Dōngshèngmiào") == "dongshengmiao");
    CHECK(site_name_key("Mine") == "");
    CHECK(site_name_key("白云鄂博东矿 白云铁矿(Chinese)") == "bayanoboeast白云");
}

TEST_CASE("site names: the romanisation table makes one spelling", "[layers][sites]") {
    for (const char* spelling : {"Baiyun Obo", "Bayan E Bo", "Bayanobo", "Pai Yun O Po", "白云鄂博", "白云鄂博矿"}) {
        INFO(spelling);
        CHECK(site_name_key(spelling) == "bayanobo");
    }
    CHECK(site_name("Baiyun Obo").plain_key == "baiyunobo");
    CHECK(site_name_key("三合明铁矿") == "sanheming");
    CHECK(site_name_key("Bayan Ovoo") == "bayanovoo");
}

TEST_CASE("site names: parts are the name plus a part's words", "[layers][sites]") {
    const auto east = site_name("Bayan Obo East Mine");
    CHECK(east.key == "bayanoboeast");
    CHECK(east.base == "bayanobo");
    CHECK(east.part == "east");
    CHECK(site_name("白云鄂博东矿").base == "bayanobo");
    CHECK(site_name("白云鄂博铁矿西矿").part == "west");
    CHECK(site_name("白云鄂博主矿").key == site_name("Bayan Obo Main Mine").key);
    CHECK(site_name("Wulanqu Surface Coal Mine").part == "open pit");
    CHECK(site_name("Mengxiang Open-Pit Coal Mine").part == "open pit");
    CHECK(site_name("Gaotouyao Phase II").part == "phase ii");
    CHECK(site_name("Gaotouyao Phase II").base == "gaotouyao");
    // A name of nothing but part words names no part of another.
    CHECK(site_name("West No. 3 Surface Coal Mine").part.empty());
    CHECK_FALSE(site_name("Bayan Obo Dongjie Legle Iron Mine").names_part());
}

TEST_CASE("site names: numbers stay, apart from the base they number", "[layers][sites]") {
    const auto a = site_name("Hegenshan 3756, Inner Mongolia");
    const auto b = site_name("Hegenshan 620, Inner Mongolia");
    CHECK(a.key == "hegenshan3756");
    CHECK(a.key != b.key);
    CHECK(a.unnumbered == b.unnumbered);
    CHECK(a.numbers == std::vector<std::string>{"3756"});
    CHECK(site_name_key("Changcheng No. 2 Coal Mine") == site_name_key("Changcheng No.2"));
    CHECK(site_name("Nalinmiao No.2 Well Coal Mine").numbers == std::vector<std::string>{"2"});
    CHECK(site_name("Inner Mongolia Ordos Luotuoshan Coal Mine").core == "luotuoshan");
}
