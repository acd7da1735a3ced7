import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("path", "params"), [
    ("/api/communities", {"network": "a\x00"}),
    ("/api/communities", {"q": "\x00"}),
    ("/api/communities", {"country": "A\x00M"}),
    ("/api/communities", {"region": "AM-KT\x00"}),
    ("/api/regions", {"country": "\x00"}),
    ("/api/networks/m4eg/members", {"region": "\x00"}),
    ("/api/networks/m4eg/members", {"status": "a\x00b"}),
])
def test_a_nul_byte_in_an_api_filter_is_a_422(client, world, path, params):
    client.raise_request_exception = False
    response = client.get(path, params)
    assert response.status_code == 422
    assert "Null characters are not allowed." in response.content.decode()


def test_a_nul_byte_in_an_api_path_is_not_a_server_error(client, world):
    client.raise_request_exception = False
    assert client.get("/api/networks/m%00/members").status_code == 422
