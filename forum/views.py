from django.shortcuts import get_object_or_404, render

from .models import Board


def home(request):
    return render(request, "forum/home.html", {"boards": Board.objects.listed()})


def board(request, slug):
    return render(request, "forum/board.html", {"board": get_object_or_404(Board, slug=slug)})
